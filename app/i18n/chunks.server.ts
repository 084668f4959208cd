/**
 * Where the built dictionary of each language is served, so a page can preload its own (the browser imports it
 * before hydrating: app/entry.client.tsx). Read once from Vite's build manifest; under the dev server, or before
 * a build, there is none and pages simply don't preload.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Lang } from './index'

const SOURCES: Record<Lang, string> = { en: 'app/i18n/en.ts', 'zh-Hans': 'app/i18n/zh-Hans.ts' }
let urls: Partial<Record<Lang, string>> | undefined

export function dictionaryChunkUrl(lang: Lang): string | undefined {
  urls ??= readChunkUrls()
  return urls[lang]
}

function readChunkUrls(): Partial<Record<Lang, string>> {
  if (process.env.NODE_ENV !== 'production') return {}
  try {
    const manifest = JSON.parse(readFileSync(path.resolve('build/client/.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>
    const found: Partial<Record<Lang, string>> = {}
    for (const [lang, source] of Object.entries(SOURCES) as Array<[Lang, string]>) {
      const file = manifest[source]?.file
      if (file) found[lang] = `/${file}`
    }
    return found
  } catch {
    return {}
  }
}
