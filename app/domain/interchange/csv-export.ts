/**
 * Quizlet-style CSV: one row per item, term then definition, no header row. The term is the card's front
 * (prompt, plus the statement or sentence it asks about); the definition is the answer. Every field is quoted
 * (commas, quotes and line breaks stay inside one cell), rows end in CRLF, and a BOM lets spreadsheets read
 * the Chinese. A field that would start with a formula character gets an apostrophe, as the dashboard CSVs do.
 */
import { cardFront, inLanguage, type ExportItem, type ExportOptions } from './kind-mapping'

export function csvField(value: string): string {
  return `"${value.replace(/^([=+\-@\t\r])/, "'$1").replace(/"/g, '""')}"`
}

export function exportCsv(items: readonly ExportItem[], options: Pick<ExportOptions, 'lang'>): string {
  const rows = items.map(({ item }) => [cardFront(item, options.lang), inLanguage(item.answer, options.lang)].map(csvField).join(','))
  return '\ufeff' + rows.map((r) => `${r}\r\n`).join('')
}
