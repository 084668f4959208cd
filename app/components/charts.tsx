/**
 * Charts drawn on the server as SVG: no chart JavaScript, and only attributes and classes (never inline
 * styles), so the strict CSP holds. Each chart has a text summary for screen readers (its accessible name)
 * and its numbers as a table anyone can open.
 */
import type { HeatCell } from '~/domain/stats'
import { useT } from '~/i18n/react'

export function ChartTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: Array<[string, string | number]> }) {
  const t = useT()
  return (
    <details className="chart-table">
      <summary>{t.statsAsTable}</summary>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head[0]}</th>
            <th scope="col">{head[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** Vertical bars, stretched to the width of the page; the first and last labels under the axis. */
export function BarChart({ values, labels, summary }: { values: number[]; labels: string[]; summary: string }) {
  const max = Math.max(1, ...values)
  const height = 100
  return (
    <>
      <svg
        className="chart bars"
        viewBox={`0 0 ${values.length * 10} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={summary}
      >
        <line className="axis" x1={0} y1={height} x2={values.length * 10} y2={height} />
        {values.map((v, i) =>
          v > 0 ? (
            <rect key={i} className="bar" x={i * 10 + 1} y={height - (v / max) * height} width={8} height={(v / max) * height} />
          ) : null,
        )}
      </svg>
      <p className="chart-axis" aria-hidden="true">
        <span>{labels[0]}</span>
        <span>{max}</span>
        <span>{labels.at(-1)}</span>
      </p>
    </>
  )
}

/** A year of study days as Monday-first weeks, darker for busier days. */
export function Heatmap({ weeks, summary }: { weeks: Array<Array<HeatCell | null>>; summary: string }) {
  return (
    <svg className="chart heatmap" viewBox={`0 0 ${weeks.length * 7} 49`} role="img" aria-label={summary}>
      {weeks.map((week, w) =>
        week.map((cell, d) =>
          cell ? <rect key={cell.day} className={`heat heat-${cell.level}`} x={w * 7} y={d * 7} width={6} height={6} rx={1} /> : null,
        ),
      )}
    </svg>
  )
}
