/**
 * What every embedded connection is set to when it opens. db/statement-cache.ts sees each native connection
 * first (every statement is prepared through it), so a connection the client's pool opens later, after
 * dropping one, is set the same way.
 *
 * A page cache of 64 MiB instead of SQLite's 2 MiB: the bench's database passes 13 MiB within a minute of
 * answers, and past the cache every page read is a system call and a copy from the OS's cache. Measured in
 * process (a session lookup and an answer, 8,000 answers on a 28 MiB database): 0.262–0.314 ms of CPU per answer
 * against 0.278–0.319 ms, the system time 0.07–0.08 ms against 0.08–0.10 ms (docs/decisions/0007). SQLite
 * allocates the pages as it reads them, so a small database costs only its size; with one connection per
 * process (db/client.ts), a process holds at most this much.
 */
export const PAGE_CACHE_KIB = 64 * 1024

export function settleConnection(connection: { exec(sql: string): unknown }): void {
  connection.exec(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`)
}
