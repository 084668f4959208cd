import type { ReactNode } from 'react'
import { useT } from '~/i18n/react'

/**
 * After Check the question stays on screen: every option in the order shown, the right one marked, and the
 * learner's pick marked beside it (choice, true/false). Marks are words as well as ticks, for screen readers.
 */
export function OptionsVerdict({
  options,
  chosen,
  right,
  noAnswer,
}: {
  options: ReactNode[]
  chosen: number | null
  right: number
  noAnswer: string | null
}) {
  const t = useT()
  return (
    <>
      <ul className="verdict-list verdict-options">
        {options.map((option, i) => (
          <li key={i} className={i === right ? 'right' : i === chosen ? 'wrong' : 'other'}>
            <span className="verdict-option-text">{option}</span>
            {i === right ? <span className="verdict-tag">{t.rightAnswerTag}</span> : null}
            {i === chosen ? <span className="verdict-tag">{t.yourAnswerTag}</span> : null}
          </li>
        ))}
      </ul>
      {noAnswer ? <p className="verdict-sub">{noAnswer}</p> : null}
    </>
  )
}
