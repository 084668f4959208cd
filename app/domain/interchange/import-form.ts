/**
 * The import form, in two steps: upload (file, format, separator, deck title) → preview → confirm. The confirm
 * step posts the same file back (base64, in a hidden field) and the server parses it again from scratch, so
 * nothing the browser could alter is trusted and nothing is written until the whole file is valid.
 * Messages are i18n keys. Shared by browser (Conform) and server.
 */
import { z } from 'zod'
import { msg } from '~/i18n/keys'
import { CSV_SEPARATORS } from './csv-import'
import { MAX_IMPORT_FILE_BYTES } from './import-item'
import { FILE_LANGUAGES } from './interchange-import'

export const IMPORT_FORMATS = ['csv', 'gift', 'moodle-xml', 'apkg'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

const separators = Object.keys(CSV_SEPARATORS) as [keyof typeof CSV_SEPARATORS, ...Array<keyof typeof CSV_SEPARATORS>]

const common = {
  title: z
    .string({ error: msg('errorImportTitle') })
    .trim()
    .min(1, msg('errorImportTitle'))
    .max(100, msg('errorImportTitle')),
  format: z.enum(IMPORT_FORMATS, { error: msg('errorChoice') }),
  separator: z.enum(separators, { error: msg('errorChoice') }).default('comma'),
  /** GIFT, Moodle XML, Anki: texts in one language, or "English / 中文" as an export in both languages writes them. */
  language: z.enum(FILE_LANGUAGES, { error: msg('errorChoice') }).default('one'),
}

export const importUploadSchema = z.object({
  intent: z.literal('preview'),
  ...common,
  file: z
    .file({ error: msg('errorImportFile') })
    .min(1, msg('errorImportFile'))
    .max(MAX_IMPORT_FILE_BYTES, msg('errorImportFileTooLarge')),
})

export const importConfirmSchema = z.object({
  intent: z.literal('confirm'),
  ...common,
  fileName: z.string().max(200).default(''),
  /** The previewed file, base64: at most the file cap's worth. */
  payload: z
    .string({ error: msg('errorImportFile') })
    .min(1, msg('errorImportFile'))
    .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, msg('errorImportFileTooLarge'))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, msg('errorImportFile')),
})

export const importFormSchema = z.discriminatedUnion('intent', [importUploadSchema, importConfirmSchema])
