/** "Both" card-language mode shows an option once when its two texts differ only in writing (issue 14 polish). */
import { createElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createRoutesStub } from 'react-router'
import { describe, expect, it } from 'vitest'
import { BilingualText } from '~/components/card-view'
import { choiceView } from '~/components/kinds/choice'
import { readsTheSameInBoth } from '~/domain/bilingual'
import type { QuestionOf } from '~/domain/kinds'

describe('readsTheSameInBoth', () => {
  it.each([
    ['1997', '1997 年'],
    ['1997', '1997年'],
    ['2025-12-20', '2025年12月20日'],
    ['12/20', '12月20日'],
    ['G7', 'Ｇ７'],
    ['APEC', ' APEC '],
    ['U.S.–Japan', 'U.S.—Japan'],
    ['Quad?', 'Quad？'],
    ['1,000', '1，000'],
  ])('%s and %s read the same', (en, zh) => {
    expect(readsTheSameInBoth({ en, zh })).toBe(true)
  })

  it.each([
    ['1997', '1998 年'],
    ['1997', '1997 年后'],
    ['20 December 2025', '2025年12月20日'],
    ['Malaysia', '马来西亚'],
    ['Tokyo', '东京'],
    ['12', '1 2 月'],
    ['G7', 'G20'],
  ])('%s and %s differ', (en, zh) => {
    expect(readsTheSameInBoth({ en, zh })).toBe(false)
  })
})

function render(node: ReactNode): string {
  const Stub = createRoutesStub([{ path: '/', Component: () => node }])
  return renderToStaticMarkup(createElement(Stub, { initialEntries: ['/'] }))
}

describe('a choice card in "both" mode', () => {
  const question: QuestionOf<'choice'> = {
    kind: 'choice',
    options: [
      { en: '1997', zh: '1997 年' },
      { en: '2013', zh: '2013 年' },
      { en: 'Tokyo', zh: '东京' },
    ],
  }

  it('shows an option that reads the same in both languages once, and a translated one twice', () => {
    const html = render(createElement(choiceView.Input, { question, mode: 'both', uiLang: 'en' }))
    expect(html.match(/1997/g)).toHaveLength(1)
    expect(html.match(/2013/g)).toHaveLength(1)
    expect(html).toContain('Tokyo')
    expect(html).toContain('东京')
  })

  it('in one language, shows that language as written', () => {
    expect(render(createElement(choiceView.Input, { question, mode: 'zh', uiLang: 'en' }))).toContain('1997 年')
  })

  it('in the verdict as on the front, and in card text outside options', () => {
    const verdict = render(
      createElement(choiceView.Verdict, {
        question,
        detail: { kind: 'choice', chosen: 1, correctIndex: 0 },
        correct: false,
        mode: 'both',
        uiLang: 'zh-Hans',
      }),
    )
    expect(verdict.match(/1997/g)).toHaveLength(1)
    expect(
      render(createElement(BilingualText, { text: { en: '1997', zh: '1997 年' }, mode: 'both', uiLang: 'en' })).match(/1997/g),
    ).toHaveLength(1)
  })
})
