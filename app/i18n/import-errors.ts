/**
 * An import problem in the viewer's language: a file problem or a schema reason is worded from its key; the
 * remaining codes by the i18n layer too. A reader's own English (`detail`) is shown only where it is data from
 * the file (a question type, a column count, a document id), never a library's message.
 */
import type { FileProblem, ImportError, ImportReason } from '~/domain/interchange/import-item'
import type { Messages } from './index'

export function importErrorText(t: Messages, error: ImportError): string {
  // Every problem and reason has its words in both languages (the compiler checks these records are complete).
  const problems: Record<FileProblem, (limit?: string) => string> = t.importFileProblems
  const reasons: Record<ImportReason, (field: string, limit?: string) => string> = t.importReasons
  if (error.problem) return problems[error.problem](error.limit)
  if (error.reason) return reasons[error.reason](t.importField(error.field ?? ''), error.limit)
  return (t.importErrors[error.code] ?? t.importErrors.invalid!)(error.detail, error.field)
}
