/**
 * Writes an Anki package (legacy layout): the planned collection (app/domain/interchange/apkg-export.ts) into
 * a fresh SQLite file through the project's libSQL client, then a zip of `collection.anki21` and a `media`
 * file holding `{}` (no media). The temporary folder is removed whatever happens.
 */
import { createClient } from '@libsql/client'
import { zipSync, strToU8 } from 'fflate'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ANKI_SCHEMA_SQL, planAnkiCollection } from '~/domain/interchange/apkg-export'
import type { ExportDeck, ExportItem, ExportOptions } from '~/domain/interchange/kind-mapping'

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the stripped first field, as an integer. */
export function ankiChecksum(text: string): number {
  return parseInt(createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8), 16)
}

export async function buildApkg(
  deck: ExportDeck,
  items: readonly ExportItem[],
  options: ExportOptions,
  now = Date.now(),
): Promise<Uint8Array> {
  const plan = planAnkiCollection(deck, items, options, now)
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcedeck-apkg-'))
  const file = path.join(dir, 'collection.anki21')
  try {
    const client = createClient({ url: `file:${file}` })
    try {
      await client.executeMultiple(ANKI_SCHEMA_SQL)
      const { col } = plan
      await client.batch(
        [
          {
            sql: 'insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)',
            args: [col.crt, col.mod, col.scm, col.conf, col.models, col.decks, col.dconf, '{}'],
          },
          ...plan.notes.map((n) => ({
            sql: 'insert into notes values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)',
            args: [n.id, n.guid, n.mid, n.mod, n.usn, n.tags, n.flds, n.sfld, ankiChecksum(n.csumText), ''],
          })),
          ...plan.cards.map((c) => ({
            sql: 'insert into cards values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)',
            args: [c.id, c.nid, c.did, c.ord, c.mod, c.due, ''],
          })),
        ],
        'write',
      )
    } finally {
      client.close()
    }
    return zipSync({ 'collection.anki21': readFileSync(file), media: strToU8('{}') })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
