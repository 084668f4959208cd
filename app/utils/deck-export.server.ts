/** One export as file contents, whatever the format: shared by `npm run deck:export` and the download route. */
import type { ExportSelection } from '~/data/deck-export.server'
import { exportCsv } from '~/domain/interchange/csv-export'
import type { ExportFormat } from '~/domain/interchange/export-formats'
import { exportGift } from '~/domain/interchange/gift-export'
import type { ExportLanguage } from '~/domain/interchange/kind-mapping'
import { exportMoodleXml } from '~/domain/interchange/moodle-xml-export'
import { buildApkg } from './apkg-file.server'

export async function renderExport(selection: ExportSelection, format: ExportFormat, lang: ExportLanguage): Promise<Uint8Array> {
  const options = { ...selection.names, lang }
  switch (format) {
    case 'apkg':
      return buildApkg(selection.deck, selection.items, options)
    case 'csv':
      return new TextEncoder().encode(exportCsv(selection.items, options))
    case 'gift':
      return new TextEncoder().encode(exportGift(selection.deck, selection.items, options))
    case 'moodle-xml':
      return new TextEncoder().encode(exportMoodleXml(selection.deck, selection.items, options))
  }
}
