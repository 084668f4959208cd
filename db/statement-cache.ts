/**
 * Prepared statements kept per embedded connection. @libsql/client's file driver prepares every statement afresh
 * and asks the native statement for its columns and raw mode on every run; under the bench's answers that was a
 * fifth of the server's CPU (docs/decisions/0007). SQLite statements are reusable: a prepared statement is reset
 * before each run, re-prepares itself after a schema change, and the driver is synchronous, so no two runs of one
 * statement overlap.
 *
 * The client has no hook for this, so the libsql driver's `Database.prototype.prepare` is wrapped, found through
 * the client's own resolution so it is the very module the client uses. tests/integration/statement-cache.test.ts
 * fails if an upgrade of either package stops the client from going through it. The same wrapper sees each new
 * connection first, so it also sets it up (db/connection-settings.ts).
 */
import { createRequire } from 'node:module'
import { settleConnection } from './connection-settings'

type NativeStatement = {
  raw(on?: boolean): NativeStatement
  safeIntegers(on?: boolean): NativeStatement
  columns(): unknown[]
  all(...params: unknown[]): unknown[]
  run(...params: unknown[]): unknown
}
type NativeDatabase = { prepare(sql: string): NativeStatement; exec(sql: string): unknown }
type DatabaseClass = { prototype: NativeDatabase }

/** Statements kept per connection; drizzle builds a new text for each `IN (…)` length, so the cache is bounded. */
export const STATEMENTS_PER_CONNECTION = 256
/** Schema changes and PRAGMAs are run fresh and empty the connection's cache (a `select *` changes its columns). */
const UNCACHED = /^\s*(create|alter|drop|pragma|vacuum|attach|detach|reindex|analyze)\b/i
/**
 * A `*` that is not `count(*)` may stand for columns: SQLite re-prepares a kept statement after a schema change
 * made anywhere (another pooled connection, another process), but its column names were read before the run, so
 * values would land under the old names. Such statements are prepared fresh (a `*` for multiplication too).
 */
const STAR_COLUMNS = /\*(?!\s*\))/

const caches = new WeakMap<NativeDatabase, Map<string, NativeStatement>>()
/** `connections`: native connections that have prepared a statement (db/client.ts keeps one per embedded client). */
export const statementCacheStats = { prepared: 0, reused: 0, connections: 0 }
let installed = false

/** Wraps the driver's `prepare` once per process; later calls do nothing. */
export function cacheEmbeddedStatements(): void {
  if (installed) return
  installed = true
  const requireFromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'))
  const Database = requireFromClient('libsql') as DatabaseClass
  const prepare = Database.prototype.prepare
  Database.prototype.prepare = function cachedPrepare(this: NativeDatabase, sql: string): NativeStatement {
    let cache = caches.get(this)
    if (!cache) {
      caches.set(this, (cache = new Map()))
      statementCacheStats.connections++
      settleConnection(this)
    }
    if (UNCACHED.test(sql)) {
      cache.clear()
      return prepare.call(this, sql)
    }
    if (STAR_COLUMNS.test(sql)) return prepare.call(this, sql)
    const kept = cache.get(sql)
    if (kept) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      cache.delete(sql)
      cache.set(sql, kept)
      statementCacheStats.reused++
      return kept
    }
    const statement = rememberModes(prepare.call(this, sql))
    statementCacheStats.prepared++
    cache.set(sql, statement)
    if (cache.size > STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!)
    return statement
  }
}

/**
 * The client sets raw and safe-integer mode and reads the columns on every run; each is a native call, and raw
 * mode on a statement that returns no rows throws a new error each time. A statement's answers to these never
 * change, so they are asked once.
 */
function rememberModes(statement: NativeStatement): NativeStatement {
  const { raw, safeIntegers, columns, all, run } = statement
  let rawMode: boolean | undefined
  let notAReader: unknown
  let safe: boolean | undefined
  let columnList: unknown[] | undefined
  statement.raw = function (on = true) {
    if (on && notAReader) throw notAReader
    if (on !== rawMode) {
      try {
        raw.call(statement, on)
      } catch (error) {
        if (on) notAReader = error
        throw error
      }
      rawMode = on
    }
    return statement
  }
  statement.safeIntegers = function (on = true) {
    if (on !== safe) {
      safeIntegers.call(statement, on)
      safe = on
    }
    return statement
  }
  statement.columns = function () {
    return (columnList ??= columns.call(statement))
  }
  // A statement keeps its bound values between runs, so a run with fewer positional values than an earlier one
  // would see that run's values where a fresh statement binds NULL. Pad with NULLs up to the most ever bound
  // (counted before the run, which may fail after binding); values past the parameters are ignored by the driver.
  let mostBound = 0
  const padded = (params: unknown[]) => {
    const values = params[0]
    if (params.length !== 1 || !Array.isArray(values)) return params
    const count = values.length
    if (count >= mostBound) {
      mostBound = count
      return params
    }
    return [values.concat(new Array<null>(mostBound - count).fill(null))]
  }
  statement.all = function (...params: unknown[]) {
    return all.apply(statement, padded(params))
  }
  statement.run = function (...params: unknown[]) {
    return run.apply(statement, padded(params))
  }
  return statement
}
