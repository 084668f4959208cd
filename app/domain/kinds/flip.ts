/** Flip: recall, reveal, rate yourself. Nothing to check, so nothing to grade. */
import type { z } from 'zod'
import { kindItemSchema } from '../content/fields'
import type { KindModule } from './kind'
import type { TypedDetail } from './typed'
import { verdict, type AnswerMeaning } from './kind'

const schema = kindItemSchema('flip', {})

export const flip = {
  kind: 'flip',
  schema,
  interactive: false,
  needsSiblings: () => false,
  buildQuestion: () => ({ kind: 'flip' as const }),
  grade: () => verdict<TypedDetail>(true, { kind: 'typed', typed: '', closest: '', diff: [] }),
  readFormResponse: () => undefined,
  describe: (): AnswerMeaning | null => null,
  subject: () => null,
  sampleResponse: () => '',
} satisfies KindModule<'flip', z.output<typeof schema>, { kind: 'flip' }, TypedDetail>
