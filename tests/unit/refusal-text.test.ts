/** A refused offline answer is explained in the interface language, never with the server's English detail. */
import { describe, expect, it } from 'vitest'
import { en } from '~/i18n/en'
import { zhHans } from '~/i18n/zh-Hans'
import type { RefusalReason } from '~/domain/review-events'
import { refusalText } from '~/offline/refusal-text'

const REASONS: RefusalReason[] = ['malformed', 'future-time', 'unknown-item', 'unknown-review', 'not-yours', 'id-conflict']
const serverDetail = 'this review id was already used for a different answer'

describe('refusal text', () => {
  it('says a showing rated on another device was rated there, in English and in Chinese', () => {
    const refusal = { index: 0, id: 'r1', reason: 'id-conflict' as const, detail: serverDetail, itemId: 'kd-typed-meeting-day' }
    expect(refusalText(en, 'en', refusal)).toBe(
      'Already rated elsewhere (kd-typed-meeting-day): this showing of the card was already rated on another device or tab, with a different rating. That rating stands; the one made here was not recorded.',
    )
    const zh = refusalText(zhHans, 'zh-Hans', refusal)
    expect(zh).toContain('已在别处评分（kd-typed-meeting-day）：')
    expect(zh).toContain('其他设备或标签页')
  })

  it('has a reason and an explanation in both languages for every refusal, and none shows the server detail', () => {
    for (const reason of REASONS) {
      for (const t of [en, zhHans]) {
        expect(t.offlineRefusalReasons[reason], `${reason} reason`).toBeTruthy()
        expect(t.offlineRefusalHelp[reason], `${reason} help`).toBeTruthy()
        const text = refusalText(t, t === en ? 'en' : 'zh-Hans', { reason, itemId: 'x' })
        expect(text).not.toContain(serverDetail)
      }
      // Chinese text carries no English words beyond the card id.
      expect(refusalText(zhHans, 'zh-Hans', { reason }).match(/[A-Za-z]{3,}/)).toBeNull()
    }
  })

  it('explains a reason a newer server may send, without showing its code', () => {
    expect(refusalText(zhHans, 'zh-Hans', { reason: 'rate-limited' })).toBe('服务器拒收的作答：服务器未记录这条作答。')
    expect(refusalText(en, 'en', { reason: 'rate-limited' })).toBe('Answers the server refused: the server did not record it.')
  })

  it("names the card by its text in the learner's card language (with both, the interface's), else by its id", () => {
    const refusal = {
      reason: 'id-conflict' as const,
      itemId: 'kd-typed-meeting-day',
      card: { text: { en: 'On what day did the two ministers meet?', zh: '两位部长在哪一天会面？' }, cardLanguage: 'both' as const },
    }
    expect(refusalText(en, 'en', refusal)).toMatch(/^Already rated elsewhere \(“On what day did the two ministers meet\?”\): this showing/)
    const zh = refusalText(zhHans, 'zh-Hans', refusal)
    expect(zh).toMatch(/^已在别处评分（“两位部长在哪一天会面？”）：/)
    expect(zh).not.toContain('kd-typed-meeting-day')
    // A learner who studies the cards in Chinese sees the Chinese text, whatever the interface's language.
    expect(refusalText(en, 'en', { ...refusal, card: { ...refusal.card, cardLanguage: 'zh' } })).toContain('(“两位部长在哪一天会面？”)')
    // A text missing in that language falls back to the other one, never to nothing.
    expect(refusalText(zhHans, 'zh-Hans', { ...refusal, card: { text: { en: 'Only English', zh: '' }, cardLanguage: 'both' } })).toContain(
      '“Only English”',
    )
    expect(refusalText(en, 'en', { reason: 'id-conflict', itemId: 'kd-typed-meeting-day' })).toContain('(kd-typed-meeting-day)')
  })
})
