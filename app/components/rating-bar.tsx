import { useEffect, useLayoutEffect, useRef } from 'react'
import { Form, Link } from 'react-router'
import { useT } from '~/i18n/react'

interface RatingCard {
  itemId: string
  reviewId: string
  shownAt: number
  intervals: Record<'1' | '2' | '3' | '4', string>
}

const RATINGS = [
  { value: '1', key: 'again' },
  { value: '2', key: 'hard' },
  { value: '3', key: 'good' },
  { value: '4', key: 'easy' },
] as const

/** The bottom bar, in thumb reach: "Show answer", then the four ratings with their next intervals. */
export function RatingBar({
  card,
  revealed,
  busy,
  onReveal,
  suggested,
  response,
}: {
  card: RatingCard
  revealed: boolean
  busy: boolean
  onReveal: () => void
  /** From the answer check: the rating we suggest (the learner may pick another). */
  suggested?: 1 | 3
  /** The checked response, sent again so the server records (and re-grades) it with the rating. */
  response?: string
}) {
  const t = useT()
  const shownAtClient = useRef(0)
  useEffect(() => {
    shownAtClient.current = performance.now()
  }, [card.reviewId])
  if (!revealed) {
    return (
      <div className="bottom-bar">
        <Link
          to={revealHref(card.itemId)}
          replace
          preventScrollReset
          className="button primary reveal"
          onClick={(e) => (e.preventDefault(), onReveal())}
        >
          {t.showAnswer}
        </Link>
      </div>
    )
  }
  return (
    <Form
      method="post"
      className="bottom-bar ratings"
      id="rating-form"
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem('durationMs') as HTMLInputElement | null
        if (input && shownAtClient.current) input.value = String(Math.round(performance.now() - shownAtClient.current))
      }}
    >
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="reviewId" value={card.reviewId} />
      <input type="hidden" name="itemId" value={card.itemId} />
      <input type="hidden" name="shownAt" value={card.shownAt} />
      <input type="hidden" name="durationMs" defaultValue="" />
      {response !== undefined ? <input type="hidden" name="response" value={response} /> : null}
      {suggested ? (
        <p className="visually-hidden" id="suggested-rating">
          {t.suggestedRating(t[suggested === 1 ? 'again' : 'good'])}
        </p>
      ) : null}
      {RATINGS.map((r) => {
        const isSuggested = suggested !== undefined && String(suggested) === r.value
        return (
          <button
            key={r.value}
            type="submit"
            name="rating"
            value={r.value}
            className={`rate rate-${r.key}${isSuggested ? ' suggested' : ''}`}
            disabled={busy}
            aria-label={t.rateAs(t[r.key], card.intervals[r.value]) + (isSuggested ? ` (${t.suggested})` : '')}
            aria-describedby={isSuggested ? 'suggested-rating' : undefined}
            autoFocus={isSuggested}
            data-key={r.value}
          >
            <span className="rate-interval">{card.intervals[r.value]}</span>
            <span className="rate-label">{t[r.key]}</span>
          </button>
        )
      })}
    </Form>
  )
}

/**
 * Desktop keys: Space/Enter reveal, 1–4 rate, U undo (on every card, answered or not). While a question is being
 * answered, number keys pick its options and Enter checks; after Check, Enter records the suggested rating.
 * Ignored while typing in a field (Escape leaves it).
 */
export function useStudyKeys({
  enabled,
  answering = false,
  revealed,
  onReveal,
}: {
  enabled: boolean
  answering?: boolean
  revealed: boolean
  onReveal: () => void
}) {
  // A layout effect: the keys follow the screen from the moment it shows a verdict (a key pressed right after
  // Check must rate, not reach the answering handler that a passive effect would still have in place).
  useBrowserLayoutEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !(target instanceof HTMLInputElement && target.type === 'radio')) {
        // Escape leaves a typed field, so the keys (U to undo) work again.
        if (e.key === 'Escape') target.blur()
        return
      }
      if (answering) {
        const form = document.getElementById('question-form') as HTMLFormElement | null
        const radios = form ? [...form.querySelectorAll<HTMLInputElement>('input[type=radio]')] : []
        if (/^[1-9]$/.test(e.key) && radios.length > 0 && radios.length <= 9) {
          const radio = radios[Number(e.key) - 1]
          if (radio) {
            e.preventDefault()
            radio.click()
            radio.focus()
          }
          return
        }
        if (e.key === 'Enter' && form && !(target?.tagName === 'BUTTON' || target?.tagName === 'A')) {
          e.preventDefault()
          form.requestSubmit()
          return
        }
        if (e.key !== 'u' && e.key !== 'U') return
      }
      if (!revealed && (e.key === ' ' || e.key === 'Enter')) {
        if (target?.tagName === 'BUTTON' || target?.tagName === 'A') {
          if (!target.classList.contains('reveal')) return
        }
        e.preventDefault()
        onReveal()
        return
      }
      // After Check, Enter records the suggested rating (a focused button or link keeps its own Enter).
      if (revealed && e.key === 'Enter' && !(target?.tagName === 'BUTTON' || target?.tagName === 'A')) {
        const suggested = document.querySelector<HTMLButtonElement>('#rating-form button.suggested')
        if (suggested && !suggested.disabled) {
          e.preventDefault()
          suggested.form?.requestSubmit(suggested)
        }
        return
      }
      if (revealed && /^[1-4]$/.test(e.key)) {
        const button = document.querySelector<HTMLButtonElement>(`#rating-form button[data-key="${e.key}"]`)
        if (button && !button.disabled) {
          e.preventDefault()
          button.form?.requestSubmit(button)
        }
        return
      }
      if (e.key === 'u' || e.key === 'U') {
        const form = document.getElementById('undo-form') as HTMLFormElement | null
        if (form) {
          e.preventDefault()
          form.requestSubmit()
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, answering, revealed, onReveal])
}

/** The address of a revealed flip card: without scripts the reveal link; with them, kept so a reload stays revealed. */
export function revealHref(itemId: string): string {
  return `?card=${encodeURIComponent(itemId)}&reveal=1`
}

/** useLayoutEffect in the browser; the server renders no keys (and would warn about layout effects). */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect
