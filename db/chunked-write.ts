/**
 * Writes many statements atomically without sending one huge request. A libSQL server gets each batch as one
 * HTTP request, and servers cap request bodies (the Hrana test server at 1 MiB, sqld and Turso too), so the
 * statements are grouped into batches by their measured size. One batch is sent as it is; several go through
 * one write transaction, so readers see all of them or none, and a failure rolls every batch back.
 */
import type { Client, InArgs, InStatement } from '@libsql/client'

/** Well under the 1 MiB cap: the protocol's framing adds a little to every statement. */
export const MAX_BATCH_BYTES = 512 * 1024

export interface SqlStatement {
  sql: string
  args: unknown[]
}

/** About what the statement weighs in a Hrana request: its text and each argument as JSON, plus framing. */
export function statementBytes(statement: SqlStatement): number {
  let bytes = Buffer.byteLength(statement.sql) + 64
  for (const arg of statement.args) {
    if (typeof arg === 'string') bytes += 32 + Buffer.byteLength(JSON.stringify(arg))
    else if (arg instanceof Uint8Array || arg instanceof ArrayBuffer) bytes += 32 + Math.ceil((arg.byteLength * 4) / 3)
    else bytes += 56
  }
  return bytes
}

/** Consecutive groups, each under maxBytes by `sizeOf` (a single thing over it still gets a group of its own). */
export function chunkBySize<T>(things: T[], sizeOf: (thing: T) => number, maxBytes: number, maxCount = Infinity): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const thing of things) {
    const size = sizeOf(thing)
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxCount)) {
      chunks.push(current)
      current = []
      bytes = 0
    }
    current.push(thing)
    bytes += size
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/** Runs the statements in order, all or nothing; returns how many batches (requests) it took. */
export async function writeInBatches(client: Client, statements: SqlStatement[], maxBytes = MAX_BATCH_BYTES): Promise<number> {
  const batches = chunkBySize(statements, statementBytes, maxBytes).map((batch) =>
    batch.map((s): InStatement => ({ sql: s.sql, args: s.args as InArgs })),
  )
  if (batches.length === 0) return 0
  if (batches.length === 1) {
    await client.batch(batches[0]!, 'write')
    return 1
  }
  const transaction = await client.transaction('write')
  try {
    for (const batch of batches) await transaction.batch(batch)
    await transaction.commit()
  } finally {
    transaction.close() // rolls back unless committed
  }
  return batches.length
}
