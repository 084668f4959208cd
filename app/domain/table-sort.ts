/**
 * Sorting a table by a column chosen in the query string (`?sort=key&dir=desc`), so a header is a plain link
 * that works without scripts. Pure: runs in the browser too.
 */

export type SortDirection = 'asc' | 'desc'

/** The query parameters one table reads (two tables on a page need different names). */
export interface SortParams {
  param: string
  dirParam: string
}

/** The column a table is sorted by; null: the rows' own order (no column active). */
export interface SortState {
  key: string | null
  dir: SortDirection
}

/** A cell's value to sort by; null (no value) sorts last in both directions. */
export type SortValue = string | number | null

/** The sort asked for, if its key is one of the table's; otherwise the table's default. */
export function readSort(search: URLSearchParams, names: SortParams, keys: readonly string[], fallback: SortState): SortState {
  const key = search.get(names.param)
  if (key === null || !keys.includes(key)) return fallback
  return { key, dir: search.get(names.dirParam) === 'desc' ? 'desc' : 'asc' }
}

/**
 * Rows by one value. Ties keep the rows' incoming order in both directions (the secondary order stays put when
 * the direction flips); rows without a value go last. Text compares as people of `locale` expect.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDirection, locale: string): T[] {
  const sign = dir === 'asc' ? 1 : -1
  const collator = new Intl.Collator(locale, { numeric: true })
  const keyed = rows.map((row, index) => ({ row, index, v: value(row) }))
  keyed.sort((x, y) => {
    if (x.v === y.v) return x.index - y.index
    if (x.v === null) return 1
    if (y.v === null) return -1
    const order = typeof x.v === 'string' || typeof y.v === 'string' ? collator.compare(String(x.v), String(y.v)) : x.v - y.v
    return order === 0 ? x.index - y.index : order * sign
  })
  return keyed.map((k) => k.row)
}

/**
 * The query string a column's header links to: the column, ascending; the active column flips direction. Other
 * parameters (another table's sort, an open detail) are kept.
 */
export function sortHref(search: URLSearchParams, names: SortParams, key: string, current: SortState): string {
  const next = new URLSearchParams(search)
  next.set(names.param, key)
  next.set(names.dirParam, current.key === key && current.dir === 'asc' ? 'desc' : 'asc')
  return `?${next}`
}
