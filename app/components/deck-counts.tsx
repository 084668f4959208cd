import { useT } from '~/i18n/react'

/** New, learning and due counts with their words visible, not only colours (issue 14.17). */
export function DeckCounts({ fresh, learning, due }: { fresh: number; learning: number; due: number }) {
  const t = useT()
  return (
    <span className="counts labelled-counts">
      <span className="count">
        <span className="count-new">{fresh}</span> {t.newCountLabel}
      </span>
      <span className="count">
        <span className="count-learning">{learning}</span> {t.learningCountLabel}
      </span>
      <span className="count">
        <span className="count-due">{due}</span> {t.dueCountLabel}
      </span>
    </span>
  )
}
