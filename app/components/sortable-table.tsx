import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { sortHref, type SortParams, type SortState } from '~/domain/table-sort'
import { useT } from '~/i18n/react'

/** A column: with a key its header is a link that sorts by it; without one it is a plain header. */
export interface SortColumn {
  label: string
  key?: string
}

/**
 * A data table in its own scrolling box whose column headers are links (`?sort=…&dir=…`): sorting works
 * without scripts and from the keyboard; the active header carries aria-sort and says its direction.
 * `children` is the table body, already in the order `sort` describes (the loader sorts).
 */
export function SortableTable(props: { label: string; columns: SortColumn[]; names: SortParams; sort: SortState; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={props.label}>
      <table className="data">
        <thead>
          <tr>
            {props.columns.map((column) =>
              column.key === undefined ? (
                <th key={column.label} scope="col">
                  {column.label}
                </th>
              ) : (
                <SortHeader key={column.key} label={column.label} columnKey={column.key} names={props.names} sort={props.sort} />
              ),
            )}
          </tr>
        </thead>
        {props.children}
      </table>
    </div>
  )
}

function SortHeader({ label, columnKey, names, sort }: { label: string; columnKey: string; names: SortParams; sort: SortState }) {
  const t = useT()
  const [search] = useSearchParams()
  const active = sort.key === columnKey
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={sortHref(search, names, columnKey, sort)} preventScrollReset aria-label={active ? t.sortedBy(label, sort.dir) : undefined}>
        {label}
        {active ? <span aria-hidden="true">{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </Link>
    </th>
  )
}
