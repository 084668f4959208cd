/** The real content references an import is checked against: sources, speakers and the source texts on disk. */
import type { ContentReferences } from '~/domain/interchange/import-item'
import { loadContentFromDisk, readSourceTexts } from '~/utils/content-files.server'

export function importReferences(): ContentReferences {
  const { bundle } = loadContentFromDisk()
  return { sources: bundle.sources, speakers: bundle.speakers, texts: readSourceTexts(bundle.sources) }
}
