/** Topic tags have names in both languages (issue 14.13): the quiz and assignment filters never show a raw slug. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { en } from '~/i18n/en'
import { zhHans } from '~/i18n/zh-Hans'
import { ROOT } from '../support/paths'

function tagsIn(dir: string): string[] {
  const tags = new Set<string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const bank = parse(readFileSync(path.join(dir, file), 'utf8')) as { items?: Array<{ tags?: string[] }> }
    for (const item of bank.items ?? []) for (const tag of item.tags ?? []) tags.add(tag)
  }
  return [...tags].sort()
}

describe('tag names', () => {
  const tags = tagsIn(path.join(ROOT, 'content', 'banks'))

  it('name every tag the content uses, in English and Chinese (add a name when you add a tag)', () => {
    expect(tags.length).toBeGreaterThan(30)
    expect(tags.filter((tag) => !en.tagNames[tag])).toEqual([])
    expect(tags.filter((tag) => !zhHans.tagNames[tag])).toEqual([])
  })

  it('are names, not slugs, and the Chinese ones are Chinese (acronyms aside)', () => {
    const acronyms = new Set(['cptpp'])
    for (const tag of tags) {
      expect(en.tagNames[tag]).not.toBe(tag)
      if (!acronyms.has(tag)) expect(zhHans.tagNames[tag], tag).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
