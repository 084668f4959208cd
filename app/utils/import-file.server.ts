/**
 * Reads an uploaded file in the format the instructor picked into import drafts. Text formats go straight to
 * their pure parsers (app/domain/interchange/*-import.ts); an Anki package is unzipped there too, and only its
 * SQLite collection is read here, through the project's libSQL client (a file on disk, removed at once).
 */
import { parseCsv, type CsvSeparator } from '~/domain/interchange/csv-import'
import type { ImportFormat } from '~/domain/interchange/import-form'
import { draftsFromNotes, unpackApkg } from '~/domain/interchange/apkg-import'
import { parseGift } from '~/domain/interchange/gift-import'
import { NoNotesTable, readAnkiNotes } from './anki-collection.server'
import { MAX_IMPORT_FILE_BYTES, megabytes, type ParseResult } from '~/domain/interchange/import-item'
import type { CitationNames, FileLanguage } from '~/domain/interchange/interchange-import'
import { parseMoodleXml } from '~/domain/interchange/moodle-xml-import'

export interface ReadOptions {
  separator: CsvSeparator
  language: FileLanguage
  /** Documents and speakers a citation in a GIFT or Moodle XML feedback may name. */
  names: CitationNames
}

/** UTF-8 text, or null when the bytes are not UTF-8 (a binary file picked as CSV). */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

export async function readImportFile(
  format: ImportFormat,
  bytes: Uint8Array,
  { separator, language, names }: ReadOptions,
): Promise<ParseResult> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES)
    return {
      ok: false,
      errors: [{ code: 'tooLarge', problem: 'fileTooLarge', limit: megabytes(MAX_IMPORT_FILE_BYTES), detail: `${bytes.byteLength} B` }],
    }
  if (bytes.byteLength === 0) return { ok: false, errors: [{ code: 'empty' }] }
  const text = utf8(bytes)
  const notText: ParseResult = { ok: false, errors: [{ code: 'malformed', problem: 'notText', detail: 'not UTF-8 text' }] }
  switch (format) {
    case 'csv':
      return text === null ? notText : parseCsv(text, separator)
    case 'gift':
      return text === null ? notText : parseGift(text, language, names)
    case 'moodle-xml':
      return text === null ? notText : parseMoodleXml(text, language, names)
    case 'apkg': {
      const unpacked = unpackApkg(bytes)
      if (!unpacked.ok) return unpacked
      let notes
      try {
        notes = await readAnkiNotes(unpacked.collection)
      } catch (error) {
        const problem = error instanceof NoNotesTable ? 'noNotesTable' : 'notAnkiCollection'
        return { ok: false, errors: [{ code: 'malformed', problem, detail: `collection.${unpacked.layout}: ${(error as Error).message}` }] }
      }
      return draftsFromNotes(notes, language, names)
    }
  }
}
