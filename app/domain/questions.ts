/**
 * From a content item to the question a learner sees, and from their response to a verdict. Pure and
 * deterministic (seeded), so the server grades exactly the question it showed. Each kind's rules live in
 * its own module (./kinds); this is the entry point the rest of the app uses.
 */
import { buildQuestion as buildKindQuestion, type KindItem, type Question, type SiblingAnswer } from './kinds'

export type { Bilingual } from './content/fields'
export {
  describeResponse,
  gradeResponse,
  isInteractive,
  subjectOf,
  type AnswerMeaning,
  needsSiblings,
  readFormResponse,
  sampleResponse,
  type Question,
  type Verdict,
  type VerdictDetail,
} from './kinds'
export { clozeGap } from './kinds/cloze'
export { blankSides } from './kinds/framing-pair'

export function buildQuestion(item: KindItem, siblings: readonly SiblingAnswer[], seed: string): Question {
  return buildKindQuestion(item, { siblings, seed })
}
