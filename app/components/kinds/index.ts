/**
 * The UI of every question kind (see app/domain/kinds for their rules). The `satisfies` clause makes the
 * compiler name a kind that has no view.
 */
import type { ItemKind } from '~/domain/content/fields'
import type { DetailOf, Question, QuestionOf, VerdictDetail } from '~/domain/kinds'
import { attributionView } from './attribution'
import { choiceView } from './choice'
import { clozeView } from './cloze'
import { flipView } from './flip'
import { framingPairView } from './framing-pair'
import { matchingView } from './matching'
import { orderingView } from './ordering'
import { trueFalseView } from './true-false'
import { typedView } from './typed'
import type { KindView } from './view'

const kindViews = {
  flip: flipView,
  typed: typedView,
  choice: choiceView,
  'true-false': trueFalseView,
  cloze: clozeView,
  ordering: orderingView,
  matching: matchingView,
  attribution: attributionView,
  'framing-pair': framingPairView,
} satisfies { [K in ItemKind]: KindView<QuestionOf<K>, DetailOf<K>> }

/** The view of a question's kind (the one widening cast: a lookup cannot keep kind and view correlated). */
export function viewFor(question: Question): KindView<Question, VerdictDetail> {
  return kindViews[question.kind] as unknown as KindView<Question, VerdictDetail>
}
