/**
 * One way to open the database, for the app, scripts and tests alike. A `file:` URL is the embedded
 * database; `libsql://`, `https://` or `wss://` with DATABASE_AUTH_TOKEN is a libSQL server (sqld/Turso).
 */
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import * as schema from './schema'
import { cacheEmbeddedStatements } from './statement-cache'

export type Database = LibSQLDatabase<typeof schema> & { $client: Client }

export const DEFAULT_DATABASE_URL = 'file:data/sourcedeck.db'

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL
}

/**
 * An embedded database gets one connection per process. The file driver is synchronous, so more connections add
 * no parallelism, and each has its own page cache, which a commit on any other connection empties (WAL): with
 * reads on one pooled connection and the answers' commit on another, every answer re-read its pages. One
 * connection cut the database's CPU per answer from 0.32 to 0.27 ms (docs/decisions/0007). Calls wait their turn
 * in the client's pool. A call made while an interactive transaction holds the connection is refused
 * (TRANSACTION_ACTIVE), so request code must never open one: it writes with batches (eslint.config.js enforces it;
 * db/chunked-write.ts, in setup, is the one interactive transaction). For a libSQL server, `concurrency` caps
 * requests in flight: its default stays.
 */
const EMBEDDED_CONNECTIONS = 1

export function openDatabase(url = databaseUrl(), authToken = process.env.DATABASE_AUTH_TOKEN): Database {
  const embedded = url.startsWith('file:')
  if (embedded) {
    const file = url.slice('file:'.length).split('?')[0]!
    if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    cacheEmbeddedStatements()
  }
  // `timeout` is the busy timeout, set on every connection the client opens (another process may hold the write lock).
  const client = createClient({
    url,
    authToken: authToken || undefined,
    timeout: 5000,
    ...(embedded ? { concurrency: EMBEDDED_CONNECTIONS } : {}),
  })
  return drizzle(client, { schema }) as Database
}
