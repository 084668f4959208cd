import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { countdownWarningMs, formatCountdown } from '~/domain/quiz'
import { useT } from '~/i18n/react'

/**
 * The time left in a timed quiz. Without scripts the server's "N min left" stays (answers after the limit
 * never count: the server decides). With scripts it ticks every second, warns once before the end, and at
 * zero opens the result. It counts down from the time left when the page was loaded, so a wrong clock on
 * the device does not matter.
 */
export function QuizCountdown({ msLeft, timeLimitMinutes, resultUrl }: { msLeft: number; timeLimitMinutes: number; resultUrl: string }) {
  const t = useT()
  const navigate = useNavigate()
  const [left, setLeft] = useState<number | null>(null)
  useEffect(() => {
    const start = performance.now()
    const tick = () => setLeft(Math.max(0, msLeft - (performance.now() - start)))
    tick()
    const timer = window.setInterval(tick, 1000)
    return () => window.clearInterval(timer)
  }, [msLeft])
  useEffect(() => {
    if (left === 0) void navigate(resultUrl)
  }, [left, navigate, resultUrl])
  const warning = left !== null && left <= countdownWarningMs(timeLimitMinutes)
  return (
    <div className={`quiz-countdown${warning ? ' is-warning' : ''}`}>
      {/* A timer: a screen reader can read the time left when asked, and it is never announced by itself. */}
      <p className="countdown-clock" role="timer">
        {left === null ? t.quizTimeLeft(Math.ceil(msLeft / 60_000)) : t.quizCountdown(formatCountdown(left))}
      </p>
      {/* Announced once, when the warning starts; the ticking clock itself stays silent. */}
      <p role="status" aria-live="assertive" className={warning ? 'countdown-warning' : 'visually-hidden'}>
        {warning ? (left === 0 ? t.quizTimeUp : t.quizTimeWarning) : ''}
      </p>
    </div>
  )
}
