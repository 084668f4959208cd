/** One problem in a content file, located as precisely as we can: file, item, field, line. */
export interface ContentError {
  file: string
  itemId?: string
  field?: string
  line?: number
  message: string
}

export function formatContentError(e: ContentError): string {
  const where = e.line ? `${e.file}:${e.line}` : e.file
  const item = e.itemId ? ` item "${e.itemId}"` : ''
  const field = e.field ? ` field "${e.field}"` : ''
  return `${where}${item}${field}: ${e.message}`
}
