/**
 * The import form, in two steps: upload (file, format, separator, deck title) → preview → confirm. The confirm
 * step posts the same file back (base64, in a hidden field) and the server parses it again from scratch, so
 * nothing the browser could alter is trusted and nothing is written until the whole file is valid.
 * Messages are i18n keys. Shared by browser (Conform) and server.
 */
import { z } from 'zod'
import { CSV_SEPARATORS } from './csv-import'
import { MAX_IMPORT_FILE_BYTES } from './import-item'
import { FILE_LANGUAGES } from './interchange-import'

export const IMPORT_FORMATS = ['csv', 'gift', 'moodle-xml', 'apkg'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

const separators = Object.keys(CSV_SEPARATORS) as [keyof typeof CSV_SEPARATORS, ...Array<keyof typeof CSV_SEPARATORS>]

const common = {
  title: z.string({ error: 'errorImportTitle' }).trim().min(1, 'errorImportTitle').max(100, 'errorImportTitle'),
  format: z.enum(IMPORT_FORMATS, { error: 'errorChoice' }),
  separator: z.enum(separators, { error: 'errorChoice' }).default('comma'),
  /** GIFT, Moodle XML, Anki: texts in one language, or "English / 中文" as an export in both languages writes them. */
  language: z.enum(FILE_LANGUAGES, { error: 'errorChoice' }).default('one'),
}

export const importUploadSchema = z.object({
  intent: z.literal('preview'),
  ...common,
  file: z.file({ error: 'errorImportFile' }).min(1, 'errorImportFile').max(MAX_IMPORT_FILE_BYTES, 'errorImportFileTooLarge'),
})

export const importConfirmSchema = z.object({
  intent: z.literal('confirm'),
  ...common,
  fileName: z.string().max(200).default(''),
  /** The previewed file, base64: at most the file cap's worth. */
  payload: z.string({ error: 'errorImportFile' }).min(1, 'errorImportFile').max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, 'errorImportFileTooLarge').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'errorImportFile'),
})

export const importFormSchema = z.discriminatedUnion('intent', [importUploadSchema, importConfirmSchema])
