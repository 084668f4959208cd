/** Ordering: put 3–6 shuffled events in chronological order. The authored order is the answer. */
import { z } from 'zod'
import { contentDateSchema, kindItemSchema, nonEmpty, requiredFor, type Bilingual } from '../content/fields'
import { seededReordering } from '../shuffle'
import { formSeries, indexList, sameText, swapTwo, verdict, type KindModule, type AnswerMeaning } from './kind'

const schema = kindItemSchema('ordering', {
  /** Listed in chronological order, each with its date. */
  events: requiredFor(
    'ordering',
    'events',
    z
      .array(z.strictObject({ en: nonEmpty, zh: nonEmpty, date: contentDateSchema }))
      .min(3, 'give 3–6 events')
      .max(6, 'give 3–6 events'),
  ),
}).superRefine((item, ctx) => {
  item.events.forEach((e, i) => {
    const prev = item.events[i - 1]
    if (prev && !(prev.date.split('/')[0]! < e.date.split('/')[0]!)) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', i, 'date'],
        message: 'list events in chronological order, with distinct dates',
        params: { reason: 'eventsOrder' },
      })
    }
  })
})
type OrderingItem = z.output<typeof schema>

export interface OrderingQuestion {
  kind: 'ordering'
  events: Bilingual[]
}
export interface OrderingDetail {
  kind: 'ordering'
  /** Displayed indices in the order the learner gave them. */
  given: number[]
  /** Displayed indices in chronological order. */
  correctOrder: number[]
}

function correctOrderOf(item: OrderingItem, question: OrderingQuestion): number[] {
  const displayToOriginal = question.events.map((e) => item.events.findIndex((o) => sameText(o, e)))
  return displayToOriginal.map((_, d) => d).sort((a, b) => displayToOriginal[a]! - displayToOriginal[b]!)
}

export const ordering = {
  kind: 'ordering',
  schema,
  interactive: true,
  needsSiblings: () => false,
  // Never shown in answer order: a list already in order teaches nothing.
  buildQuestion: (item, { seed }): OrderingQuestion => ({
    kind: 'ordering',
    events: seededReordering(item.events.length, seed).map((i) => ({ en: item.events[i]!.en, zh: item.events[i]!.zh })),
  }),
  grade: (item, question, response) => {
    const correctOrder = correctOrderOf(item, question)
    const given = indexList(response, item.events.length)
    const valid = given !== null && new Set(given).size === item.events.length
    const right = valid && given.every((d, pos) => d === correctOrder[pos])
    return verdict<OrderingDetail>(right, { kind: 'ordering', given: valid ? (given as number[]) : [], correctOrder })
  },
  // Without scripts each event has a position select (order-i = the position, from 1, of displayed event i).
  readFormResponse: (fields) => {
    const positions = formSeries(fields, 'order')
    if (positions.length === 0) return undefined
    const chosen = positions.map(Number)
    const valid = chosen.every((p) => Number.isInteger(p) && p >= 1 && p <= chosen.length) && new Set(chosen).size === chosen.length
    return valid
      ? chosen
          .map((p, display) => ({ p, display }))
          .sort((a, b) => a.p - b.p)
          .map((x) => x.display)
          .join(',')
      : ''
  },
  describe: (_item, question, detail): AnswerMeaning | null =>
    detail.given.length === 0 ? null : { kind: 'order', events: detail.given.map((i) => question.events[i]!) },
  subject: () => null,
  sampleResponse: (item, question, correct, random) => {
    const order = correctOrderOf(item, question)
    return (correct ? order : swapTwo(order, random)).join(',')
  },
} satisfies KindModule<'ordering', OrderingItem, OrderingQuestion, OrderingDetail>
