/** The download form of a deck export: which format, which language. Pure (the route and tests share it). */
import { z } from 'zod'
import { exportFormats } from './export-formats'
import { exportLanguages } from './kind-mapping'

export const exportFormSchema = z.object({
  format: z.enum(exportFormats),
  lang: z.enum(exportLanguages),
})
export type ExportForm = z.output<typeof exportFormSchema>

/** A selection's download form: the deck form plus at most one source, category and tag ("" or absent: any). */
const anyOrOne = z
  .string()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined))
export const filterExportFormSchema = exportFormSchema.extend({ source: anyOrOne, category: anyOrOne, tag: anyOrOne })
export type FilterExportForm = z.output<typeof filterExportFormSchema>

/** Why a download was refused: shown on the export page (`?error=`). */
export const exportRefusals = ['invalid', 'empty'] as const
export type ExportRefusal = (typeof exportRefusals)[number]
export function isExportRefusal(value: string | null): value is ExportRefusal {
  return (exportRefusals as readonly (string | null)[]).includes(value)
}
