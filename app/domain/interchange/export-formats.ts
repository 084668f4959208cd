/** The export formats: names as the CLI and the download form take them, file extension and media type. */
import { exportLanguages, type ExportLanguage } from './kind-mapping'

export const exportFormats = ['apkg', 'csv', 'gift', 'moodle-xml'] as const
export type ExportFormat = (typeof exportFormats)[number]

export const exportFormatFiles: Record<ExportFormat, { extension: string; contentType: string }> = {
  apkg: { extension: 'apkg', contentType: 'application/octet-stream' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  gift: { extension: 'gift.txt', contentType: 'text/plain; charset=utf-8' },
  'moodle-xml': { extension: 'xml', contentType: 'application/xml; charset=utf-8' },
}

export function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value)
}
export function isExportLanguage(value: string): value is ExportLanguage {
  return (exportLanguages as readonly string[]).includes(value)
}

/** A download's file name: the deck id (lower-case words and hyphens), the language, the format's extension. */
export function exportFileName(deckId: string, lang: ExportLanguage, format: ExportFormat): string {
  const safe = deckId.replace(/[^a-z0-9-]+/gi, '-').slice(0, 80) || 'deck'
  return `${safe}-${lang}.${exportFormatFiles[format].extension}`
}
