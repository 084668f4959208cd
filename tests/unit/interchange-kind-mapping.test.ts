import { describe, expect, it } from 'vitest'
import { itemKinds } from '~/domain/content/fields'
import {
  bilingualFrom,
  defaultKindForType,
  exportLanguages,
  importKind,
  inLanguage,
  kindMappings,
  perspectiveFromLabel,
  perspectiveLabels,
  toInterchange,
} from '~/domain/interchange/kind-mapping'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { FIXTURE_CONTENT } from '../support/paths'

const { bundle, errors } = loadContentFromDisk(FIXTURE_CONTENT)

describe('kind mapping', () => {
  it('loads the fixture content', () => expect(errors).toEqual([]))

  it('covers every kind, and each exact kind is its type’s default', () => {
    expect(Object.keys(kindMappings).sort()).toEqual([...itemKinds].sort())
    for (const [kind, m] of Object.entries(kindMappings)) expect(defaultKindForType[m.type] === kind).toBe(m.exact)
  })

  it.each(exportLanguages)('exports each fixture item as its mapped type and the kind tag brings the kind back (%s)', (lang) => {
    const kinds = new Set<string>()
    for (const item of bundle.items) {
      const q = toInterchange({ item, siblingAnswers: [{ en: 'Other', zh: '其他' }] }, { lang })
      expect(q.type).toBe(kindMappings[item.kind].type)
      expect(q.name).toBe(item.id)
      expect(importKind(q.type, q.tags)).toBe(item.kind)
      expect(importKind(q.type, [])).toBe(defaultKindForType[q.type])
      kinds.add(item.kind)
    }
    expect(kinds.size).toBeGreaterThanOrEqual(8)
  })

  it('a tag naming a kind of another type is ignored', () => {
    expect(importKind('truefalse', ['sourcedeck-kind-ordering'])).toBe('true-false')
    expect(importKind('matching', ['sourcedeck-kind-ordering'])).toBe('ordering')
    expect(importKind('matching', ['sourcedeck-kind-nonsense'])).toBe('matching')
  })

  it('typed answers list every accepted form; cloze shows a gap and accepts the gap words', () => {
    const typed = bundle.items.find((i) => i.kind === 'typed')!
    const q = toInterchange({ item: typed }, { lang: 'both' })
    if (q.type !== 'shortanswer') throw new Error('typed should be shortanswer')
    expect(q.answers).toEqual(expect.arrayContaining([typed.answer.en, typed.answer.zh, ...typed.accepted]))
    const cloze = bundle.items.find((i) => i.kind === 'cloze')!
    const c = toInterchange({ item: cloze }, { lang: 'en' })
    if (c.type !== 'shortanswer' || cloze.kind !== 'cloze') throw new Error('cloze should be shortanswer')
    expect(c.text).toContain('_____')
    expect(c.text).not.toContain('[[')
    expect(cloze.cloze.en).toContain(`[[${c.answers[0]}]]`)
  })

  it('languages join and split again', () => {
    const b = { en: 'Tokyo', zh: '东京' }
    expect(inLanguage(b, 'both')).toBe('Tokyo / 东京')
    expect(bilingualFrom(inLanguage(b, 'both'), 'both')).toEqual(b)
    expect(bilingualFrom(inLanguage(b, 'zh'), 'zh').zh).toBe('东京')
    for (const [p, label] of Object.entries(perspectiveLabels)) {
      for (const lang of exportLanguages) expect(perspectiveFromLabel(inLanguage(label, lang))).toBe(p)
    }
  })
})
