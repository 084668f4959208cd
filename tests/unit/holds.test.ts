import { describe, expect, it } from 'vitest'
import { filterCards, readBrowserFilters, type BrowserCard } from '~/domain/card-browser'
import { cardActionSchema } from '~/domain/card-forms'
import { becomesLeech, cardStatus, isHeld } from '~/domain/holds'
import type { ContentItem } from '~/domain/content/schema'

describe('leech rule', () => {
  it('fires at the threshold and every half-threshold after, only on a new lapse', () => {
    const fired = Array.from({ length: 20 }, (_, i) => i + 1).filter((lapses) => becomesLeech(lapses - 1, lapses, 8))
    expect(fired).toEqual([8, 12, 16, 20])
    expect(becomesLeech(8, 8, 8)).toBe(false) // no new lapse
    expect(Array.from({ length: 5 }, (_, i) => becomesLeech(i, i + 1, 1))).toEqual([true, true, true, true, true])
  })
})

describe('holds', () => {
  it('suspension holds until lifted; burial until its time', () => {
    expect(isHeld(null, 0)).toBe(false)
    expect(isHeld({ suspendedAt: 5, suspendedBy: 'learner', buriedUntil: null }, 1e15)).toBe(true)
    expect(isHeld({ suspendedAt: null, suspendedBy: null, buriedUntil: 100 }, 99)).toBe(true)
    expect(isHeld({ suspendedAt: null, suspendedBy: null, buriedUntil: 100 }, 100)).toBe(false)
    expect(cardStatus(2, { suspendedAt: null, suspendedBy: null, buriedUntil: 100 }, 50)).toBe('buried')
    expect(cardStatus(2, { suspendedAt: null, suspendedBy: null, buriedUntil: 100 }, 150)).toBe('review')
    expect(cardStatus(null, null, 0)).toBe('new')
  })

  it('the card page’s forms: one schema on intent, reasons and note length checked', () => {
    expect(cardActionSchema.safeParse({ intent: 'flag', reason: 'wrong', note: ' x ' }).data).toMatchObject({ note: 'x' })
    expect(cardActionSchema.safeParse({ intent: 'flag', reason: 'rude' }).success).toBe(false)
    expect(cardActionSchema.safeParse({ intent: 'flag', reason: 'other', note: 'x'.repeat(1001) }).success).toBe(false)
    expect(cardActionSchema.safeParse({ intent: 'delete' }).success).toBe(false)
    expect(cardActionSchema.safeParse({ intent: 'bury' }).success).toBe(true)
  })
})

describe('card browser search', () => {
  const item = (id: string, en: string, zh: string, kind = 'flip', category = 'date') =>
    ({ id, kind, category, prompt: { en, zh }, answer: { en: 'a', zh: '答' }, tags: [] }) as unknown as ContentItem
  const cards: BrowserCard[] = [
    { item: item('a', 'When did Kishida visit?', '岸田何时访问？'), state: null, lapses: 0, due: null, hold: null },
    {
      item: item('b', 'Who leads the Diet?', '谁领导国会？', 'choice', 'actor'),
      state: 2,
      lapses: 9,
      due: 0,
      hold: { suspendedAt: 1, suspendedBy: 'leech', buriedUntil: null },
    },
  ]
  const run = (query: string) => {
    const parsed = readBrowserFilters(new URLSearchParams(query))
    if (!parsed.success) throw new Error('bad filters')
    return filterCards(cards, parsed.data, () => true, 0, 8).map((c) => c.item.id)
  }
  it('matches English and Chinese text, Traditional as Simplified, ignoring case and punctuation', () => {
    expect(run('q=KISHIDA')).toEqual(['a'])
    expect(run('q=岸田何時')).toEqual(['a'])
    expect(run('q=diet?')).toEqual(['b'])
  })
  it('filters by kind, category and status (leech by lapses)', () => {
    expect(run('kind=choice')).toEqual(['b'])
    expect(run('category=date')).toEqual(['a'])
    expect(run('status=suspended')).toEqual(['b'])
    expect(run('status=leech')).toEqual(['b'])
    expect(run('status=new')).toEqual(['a'])
  })
  it('refuses unknown filter values', () => {
    expect(readBrowserFilters(new URLSearchParams('status=zombie')).success).toBe(false)
    expect(readBrowserFilters(new URLSearchParams('page=0')).success).toBe(false)
  })
})
