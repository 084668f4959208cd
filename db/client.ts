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

export function openDatabase(url = databaseUrl(), authToken = process.env.DATABASE_AUTH_TOKEN): Database {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length).split('?')[0]!
    if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    cacheEmbeddedStatements()
  }
  // `timeout` is the busy timeout for every pooled connection (a PRAGMA would reach only one of them).
  const client = createClient({ url, authToken: authToken || undefined, timeout: 5000 })
  return drizzle(client, { schema }) as Database
}
