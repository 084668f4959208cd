/** What every question kind's UI module provides: the inputs that answer it and the view of its verdict. */
import type { ReactNode } from 'react'
import type { Lang } from '~/i18n'
import type { CardLanguage } from '../card-view'

export interface InputProps<Q> {
  question: Q
  mode: CardLanguage
  uiLang: Lang
  /** A study Check: every part must be answered before it is sent (a quiz may leave parts blank). */
  requireComplete?: boolean
  /** What the learner had chosen when the server sent the form back as incomplete (no scripts). */
  given?: string[]
}

export interface VerdictProps<Q, D> {
  question: Q
  detail: D
  correct: boolean
  mode: CardLanguage
  uiLang: Lang
}

export interface KindView<Q, D> {
  /** The answering side, inside the question form (null: nothing to answer, e.g. a flip card). */
  Input: (props: InputProps<Q>) => ReactNode
  /** What was answered against what was expected, with the differences marked. */
  Verdict: (props: VerdictProps<Q, D>) => ReactNode
}
