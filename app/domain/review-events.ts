/**
 * Review events: what a phone that studied offline sends to the server (POST /sync). An answer carries the
 * review id the phone made (it also seeded the question, see docs/decisions/0002), the time by the phone's
 * clock and the desired retention in force; an undo names the answer it takes back; a check is the first Check
 * of a showing, which the server keeps as its own open check (so going online is not a fresh try). Pure and browser-safe:
 * the phone checks its own outbox with the same schema the server uses.
 */
import { z } from 'zod'
import { itemIdSchema } from './content/fields'
import { EARLIEST_ANSWER_AT, MAX_CLOCK_AHEAD_MS, MAX_EVENTS_PER_BATCH } from './review-event-limits'

export { EARLIEST_ANSWER_AT, MAX_CLOCK_AHEAD_MS, MAX_EVENTS_PER_BATCH }

const reviewIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"')
const timeSchema = z.number().int('must be whole milliseconds').min(EARLIEST_ANSWER_AT, 'is before 2024').max(8_640_000_000_000_000)

export const answerEventSchema = z.object({
  type: z.literal('answer'),
  /** The client-made review id: the log row's primary key. */
  id: reviewIdSchema,
  itemId: itemIdSchema,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)' }),
  /** When the learner answered, by the phone's clock (epoch ms). */
  answeredAt: timeSchema,
  durationMs: z.number().int().min(0).max(86_400_000),
  /** The desired retention in force on the phone (the same bounds as the settings form). */
  retention: z.number().min(0.7).max(0.99),
  /** What the learner answered (interactive kinds): the server grades it again. */
  response: z.string().max(2000).optional(),
})

export const undoEventSchema = z.object({
  type: z.literal('undo'),
  /** The answer taken back. */
  reviewId: reviewIdSchema,
  undoneAt: timeSchema,
})

export const checkEventSchema = z.object({
  type: z.literal('check'),
  /** The showing checked: the review id that seeded its question (its rating carries the same id). */
  reviewId: reviewIdSchema,
  itemId: itemIdSchema,
  /** What the learner answered, as the check graded it. */
  response: z.string().max(2000),
  /** When the learner checked, by the phone's clock (epoch ms). */
  checkedAt: timeSchema,
  /**
   * How many answers the card had as the phone knew it (0: new). The server keeps the check only while its card
   * still has that many: an answer made meanwhile anywhere used it up, whatever the phone's clock said.
   */
  reps: z.number().int().min(0).max(1_000_000),
})

export const reviewEventSchema = z.discriminatedUnion('type', [answerEventSchema, undoEventSchema, checkEventSchema], {
  error: 'type must be "answer", "undo" or "check"',
})

export type AnswerEvent = z.infer<typeof answerEventSchema>

/** Whether two answer events are one answer sent twice (a retry), not two answers under one review id. */
export function sameAnswerEvent(a: AnswerEvent, b: AnswerEvent): boolean {
  return (
    a.id === b.id &&
    a.itemId === b.itemId &&
    a.rating === b.rating &&
    a.answeredAt === b.answeredAt &&
    a.durationMs === b.durationMs &&
    a.retention === b.retention &&
    a.response === b.response
  )
}
export type UndoEvent = z.infer<typeof undoEventSchema>
export type CheckEvent = z.infer<typeof checkEventSchema>
export type ReviewEvent = z.infer<typeof reviewEventSchema>

/** The envelope: whose events these are (the phone's kept learner) and the events in the order made. */
export const syncBatchSchema = z.object({
  userId: z.string().min(1).max(100),
  events: z.array(z.unknown()).min(1, 'has no events').max(MAX_EVENTS_PER_BATCH, `has more than ${MAX_EVENTS_PER_BATCH} events`),
})

/** Why the server refused one event (the phone shows it to the learner, translated). */
export type RefusalReason = 'malformed' | 'future-time' | 'unknown-item' | 'unknown-review' | 'not-yours' | 'id-conflict'

export interface Refusal {
  /** Position of the event in the batch. */
  index: number
  /** The answer's id, or for an undo the id of the answer it names ('' when unreadable). */
  id: string
  reason: RefusalReason
  detail: string
}

/** The id an event is known by (an undo by the answer it takes back, a check by the showing it checked). */
export function eventId(event: ReviewEvent): string {
  return event.type === 'answer' ? event.id : event.reviewId
}

/** When the event happened, by the phone's clock. */
export function eventTime(event: ReviewEvent): number {
  return event.type === 'answer' ? event.answeredAt : event.type === 'undo' ? event.undoneAt : event.checkedAt
}

/** Checks an event's shape and time against the receiving clock; null when it may go on. */
export function checkEvent(raw: unknown, index: number, now: number): { ok: true; event: ReviewEvent } | { ok: false; refusal: Refusal } {
  const parsed = reviewEventSchema.safeParse(raw)
  const rawId =
    typeof raw === 'object' && raw !== null
      ? String((raw as { id?: unknown; reviewId?: unknown }).id ?? (raw as { reviewId?: unknown }).reviewId ?? '')
      : ''
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.join('.')
    return {
      ok: false,
      refusal: { index, id: rawId.slice(0, 64), reason: 'malformed', detail: field ? `${field}: ${issue.message}` : issue.message },
    }
  }
  const event = parsed.data
  const at = eventTime(event)
  if (at > now + MAX_CLOCK_AHEAD_MS) {
    return {
      ok: false,
      refusal: {
        index,
        id: eventId(event),
        reason: 'future-time',
        detail: `time ${new Date(at).toISOString()} is more than 5 minutes ahead of the server's clock`,
      },
    }
  }
  return { ok: true, event }
}
