import { useRef, useState } from 'react'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { plain, Text, type Bilingual } from './texts'
import { useHydrated } from './use-hydrated'

/**
 * Put events in order. With scripts: tap an event then tap where it goes, drag it by its handle, or use the
 * arrow buttons (all keyboard-reachable). Without: a position select per event.
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

  if (!hydrated) {
    return (
      <div className="ordering" role="group" aria-label={t.orderHelp}>
        <p className="help">{t.orderHelp}</p>
        {events.map((e, i) => (
          <div className="field inline" key={i}>
            <label htmlFor={`order-${i}`}>
              <Text text={e} mode={mode} uiLang={uiLang} />
            </label>
            <select id={`order-${i}`} name={`order-${i}`} defaultValue={String(i + 1)}>
              {events.map((_, p) => (
                <option key={p} value={p + 1}>
                  {t.positionOf(p + 1)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    )
  }

  return (
    <div className="ordering">
      <p className="help" id="ordering-help">
        {t.orderHelp}
      </p>
      <input type="hidden" name="response" value={order.join(',')} />
      <ol className="order-list" aria-describedby="ordering-help">
        {order.map((eventIndex, pos) => {
          const label = plain(events[eventIndex]!, mode, uiLang)
          const offset = dragOffset?.index === pos ? dragOffset.dy : 0
          return (
            <li
              key={eventIndex}
              className={`order-row${picked === pos ? ' picked' : ''}${offset ? ' dragging' : ''}`}
              style={offset ? { transform: `translateY(${offset}px)` } : undefined}
            >
              <span
                className="drag-handle"
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
                <span className="order-number" aria-hidden="true">
                  {pos + 1}
                </span>
                <Text text={events[eventIndex]!} mode={mode} uiLang={uiLang} />
              </button>
              <span className="order-arrows">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.moveUp(label)}
                  disabled={pos === 0}
                  onClick={() => move(pos, pos - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.moveDown(label)}
                  disabled={pos === order.length - 1}
                  onClick={() => move(pos, pos + 1)}
                >
                  ↓
                </button>
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
