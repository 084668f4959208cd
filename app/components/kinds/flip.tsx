import type { KindView } from './view'
import type { DetailOf, QuestionOf } from '~/domain/kinds'

/** A flip card has nothing to answer and no verdict: it is revealed and self-rated. */
export const flipView: KindView<QuestionOf<'flip'>, DetailOf<'flip'>> = {
  Input: () => null,
  Verdict: () => null,
}
