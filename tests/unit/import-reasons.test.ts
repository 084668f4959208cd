/**
 * Imported questions the content schema refuses are named by a reason the i18n layer words (issue 13.5), never
 * by the schema's English message: each reason has English and Chinese text, and field paths read as words.
 */
import { describe, expect, it } from 'vitest'
import { finishImport, importReasons, type ImportDraft } from '~/domain/interchange/import-item'
import { en } from '~/i18n/en'
import { zhHans } from '~/i18n/zh-Hans'

const refs = { sources: [], speakers: [], texts: null }
const draft = (over: Partial<ImportDraft>): ImportDraft => ({
  at: { line: 2 },
  kind: 'choice',
  prompt: { en: 'Who chaired ASEAN?' },
  answer: { en: 'Malaysia' },
  distractors: [{ en: 'Japan' }, { en: 'Canada' }],
  ...over,
})
const problems = (d: ImportDraft) => {
  const done = finishImport([d], 'imp-test', refs)
  if (done.ok) throw new Error('expected problems')
  return done.errors.map((e) => ({ field: e.field, reason: e.reason, limit: e.limit }))
}

describe('import problems as reasons', () => {
  it('names what the schema refused by reason, field and limit', () => {
    expect(problems(draft({ distractors: [{ en: 'Japan' }, { en: 'Malaysia' }] }))).toEqual([
      { field: 'distractors.1', reason: 'distractorRepeatsAnswer', limit: undefined },
    ])
    expect(problems(draft({ category: 'colour' }))).toEqual([
      { field: 'category', reason: 'notOneOf', limit: 'date, actor, framing, number, event' },
    ])
    expect(problems(draft({ tags: ['Not A Tag'] }))).toEqual([{ field: 'tags.0', reason: 'format', limit: undefined }])
    expect(problems(draft({ prompt: { en: '' } }))[0]).toMatchObject({ field: 'prompt.en', reason: 'empty' })
  })

  it('words every reason in English and in Chinese, and field paths as words', () => {
    for (const reason of importReasons) {
      const english = en.importReasons[reason]('wrong option 2', '3')
      const chinese = zhHans.importReasons[reason]('错误选项第 2 个', '3')
      expect(english.length, reason).toBeGreaterThan(0)
      expect(chinese, reason).toMatch(/[\u4e00-\u9fff]/)
      expect(chinese, reason).not.toMatch(/\b(?:the|must|not|field|missing|empty)\b/i)
    }
    expect(en.importField('distractors.1.en')).toBe('wrong option 2 (English)')
    expect(zhHans.importField('distractors.1.en')).toBe('错误选项第 2 个（英文）')
    expect(zhHans.importField('pairs.0.right.zh')).toBe('配对第 1 个右侧（中文）')
  })
})
