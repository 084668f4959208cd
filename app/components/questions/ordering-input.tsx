import { useRef, useState } from 'react'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { plain, Text, type Bilingual } from './texts'
import { useHydrated } from './use-hydrated'

/**
 * Put events in order. One layout, rendered by the server and kept after hydration so nothing moves under the
 * finger: each row is a position select, the event (most of the width) and a drag handle. Without scripts the
 * selects are the answer (order-i = position of displayed event i). With scripts a select moves its event at
 * once, and the learner can also tap an event then tap where it goes (Enter on a keyboard), or drag the handle.
 */
export function OrderingInput({ events, mode, uiLang }: { events: Bilingual[]; mode: CardLanguage; uiLang: Lang }) {
  const t = useT()
  const hydrated = useHydrated()
  const [order, setOrder] = useState(() => events.map((_, i) => i))
  const [picked, setPicked] = useState<number | null>(null)
  const drag = useRef<{ from: number; startY: number; rowHeight: number } | null>(null)
  const [dragOffset, setDragOffset] = useState<{ index: number; dy: number } | null>(null)

  const move = (from: number, to: number) => {
    if (from === to) return
    setOrder((o) => {
      const next = [...o]
      const [x] = next.splice(from, 1)
      next.splice(to, 0, x!)
      return next
    })
  }

  return (
    <div className="ordering">
      <p className="help" id="ordering-help">
        {t.orderHelp}
      </p>
      <ol className="order-list" aria-describedby="ordering-help">
        {order.map((eventIndex, pos) => {
          const label = plain(events[eventIndex]!, mode, uiLang)
          const offset = dragOffset?.index === pos ? dragOffset.dy : 0
          const text = <Text text={events[eventIndex]!} mode={mode} uiLang={uiLang} />
          return (
            <li
              key={eventIndex}
              className={`order-row${picked === pos ? ' picked' : ''}${offset ? ' dragging' : ''}`}
              style={offset ? { transform: `translateY(${offset}px)` } : undefined}
            >
              <select
                id={`order-${eventIndex}`}
                name={`order-${eventIndex}`}
                className="order-position"
                aria-label={t.positionOfEvent(label)}
                value={String(pos + 1)}
                onChange={(ev) => {
                  // Without scripts each select is independent; with them, a choice moves the event there.
                  move(pos, Number(ev.target.value) - 1)
                  setPicked(null)
                }}
              >
                {events.map((_, p) => (
                  <option key={p} value={p + 1}>
                    {p + 1}
                  </option>
                ))}
              </select>
              {hydrated ? (
                <button
                  type="button"
                  className="order-item"
                  aria-pressed={picked === pos}
                  aria-label={`${t.orderPosition(pos + 1, order.length)}: ${label}`}
                  onClick={() => {
                    if (picked === null) setPicked(pos)
                    else {
                      move(picked, pos)
                      setPicked(null)
                    }
                  }}
                >
                  {text}
                </button>
              ) : (
                // The same box as the button above; tapping it focuses the position select.
                <label className="order-item" htmlFor={`order-${eventIndex}`}>
                  {text}
                </label>
              )}
              <span
                className={`drag-handle${hydrated ? '' : ' inert'}`}
                aria-hidden="true"
                onPointerDown={(ev) => {
                  const row = (ev.currentTarget.parentElement as HTMLElement).getBoundingClientRect()
                  drag.current = { from: pos, startY: ev.clientY, rowHeight: row.height + 6 }
                  ev.currentTarget.setPointerCapture(ev.pointerId)
                }}
                onPointerMove={(ev) => {
                  if (drag.current) setDragOffset({ index: drag.current.from, dy: ev.clientY - drag.current.startY })
                }}
                onPointerUp={(ev) => {
                  const d = drag.current
                  drag.current = null
                  setDragOffset(null)
                  if (!d) return
                  const to = Math.max(0, Math.min(order.length - 1, d.from + Math.round((ev.clientY - d.startY) / d.rowHeight)))
                  move(d.from, to)
                }}
              >
                ⋮⋮
              </span>
            </li>
          )
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {picked !== null ? t.pickedUp(plain(events[order[picked]!]!, mode, uiLang)) : ''}
      </p>
    </div>
  )
}
