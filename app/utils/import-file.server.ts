/**
 * Reads an uploaded file in the format the instructor picked into import drafts. Text formats go straight to
 * their pure parsers (app/domain/interchange/*-import.ts); an Anki package is unzipped there too, and only its
 * SQLite collection is read here, through the project's libSQL client (a file on disk, removed at once).
 */
import { parseCsv, type CsvSeparator } from '~/domain/interchange/csv-import'
import type { ImportFormat } from '~/domain/interchange/import-form'
import { MAX_IMPORT_FILE_BYTES, type ParseResult } from '~/domain/interchange/import-item'

/** UTF-8 text, or null when the bytes are not UTF-8 (a binary file picked as CSV). */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

export async function readImportFile(format: ImportFormat, bytes: Uint8Array, separator: CsvSeparator): Promise<ParseResult> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) return { ok: false, errors: [{ code: 'tooLarge', detail: `${bytes.byteLength} B` }] }
  if (bytes.byteLength === 0) return { ok: false, errors: [{ code: 'empty' }] }
  const text = utf8(bytes)
  switch (format) {
    case 'csv':
      return text === null ? { ok: false, errors: [{ code: 'malformed', detail: 'not UTF-8 text' }] } : parseCsv(text, separator)
    default:
      return { ok: false, errors: [{ code: 'malformed', detail: format }] }
  }
}
