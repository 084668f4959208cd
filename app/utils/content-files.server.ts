/** Reads the content folder and the source texts from disk; everything else about content is pure. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { buildContentBundle, type ContentBundle, type ContentFiles } from '~/domain/content/bundle'
import type { ContentError } from '~/domain/content/errors'
import type { SourceDoc } from '~/domain/content/schema'
import { withLocatorForms } from '~/domain/content/locators'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'

export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content')
}

/** The five source documents live outside the project (we never copy them in). */
export function sourcesDir(): string {
  return path.resolve(process.env.CONTENT_SOURCES ?? '../shared/sources')
}

export function readContentFiles(dir = contentDir()): ContentFiles {
  const read = (name: string) => {
    const file = path.join(dir, name)
    return { file: path.relative(process.cwd(), file) || file, text: existsSync(file) ? readFileSync(file, 'utf8') : '' }
  }
  const banksDir = path.join(dir, 'banks')
  const bankNames = existsSync(banksDir)
    ? readdirSync(banksDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : []
  return {
    sources: read('sources.yaml'),
    speakers: read('speakers.yaml'),
    decks: read('decks.yaml'),
    banks: bankNames.map((name) => read(path.join('banks', name))),
  }
}

export function loadContentFromDisk(dir = contentDir()): { bundle: ContentBundle; errors: ContentError[] } {
  const { bundle, errors } = buildContentBundle(readContentFiles(dir))
  const glossary = readLocatorGlossary(dir, errors)
  return { bundle: { ...bundle, items: withLocatorForms(bundle.items, glossary) }, errors }
}

const locatorFileSchema = z.object({ zh: z.record(z.string().min(1), z.string().min(1)) })

/** content/locators.yaml: Chinese forms of locators written in English (optional; a bad file is a content error). */
function readLocatorGlossary(dir: string, errors: ContentError[]): Map<string, string> {
  const file = path.join(dir, 'locators.yaml')
  if (!existsSync(file)) return new Map()
  const parsed = locatorFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    errors.push({
      file: path.relative(process.cwd(), file),
      message: `expected "zh:" mapping each English locator to its Chinese form (${parsed.error.issues[0]?.message})`,
    })
    return new Map()
  }
  return new Map(Object.entries(parsed.data.zh))
}

/** Source texts by document id, or null when the folder is absent (quote verification is then skipped). */
export function readSourceTexts(sources: SourceDoc[], dir = sourcesDir()): Map<string, string> | null {
  if (!existsSync(dir)) return null
  const texts = new Map<string, string>()
  for (const s of sources) {
    const file = path.join(dir, s.file)
    if (existsSync(file)) texts.set(s.id, readFileSync(file, 'utf8'))
  }
  return texts
}
