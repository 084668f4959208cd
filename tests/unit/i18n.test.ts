import { describe, expect, it } from 'vitest'
import { en } from '~/i18n/en'
import { formatInterval, langFromAcceptLanguage, messagesFor } from '~/i18n'
import { zhHans } from '~/i18n/zh-Hans'

describe('i18n', () => {
  it('has every English key in Chinese, and no Chinese string left in English', () => {
    expect(Object.keys(zhHans).sort()).toEqual(Object.keys(en).sort())
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      if (typeof en[key] === 'string' && !['appName', 'switchTo'].includes(key)) expect(zhHans[key]).not.toBe(en[key])
    }
  })

  it('picks the language from Accept-Language, honouring q-values', () => {
    expect(langFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-Hans')
    expect(langFromAcceptLanguage('zh-TW')).toBe('zh-Hans')
    expect(langFromAcceptLanguage('en-US,en;q=0.9')).toBe('en')
    expect(langFromAcceptLanguage('fr-FR,en;q=0.5,zh;q=0.9')).toBe('zh-Hans')
    expect(langFromAcceptLanguage('de')).toBe('en')
    expect(langFromAcceptLanguage(null)).toBe('en')
    expect(langFromAcceptLanguage(';;;,q=x')).toBe('en')
  })

  it('formats button intervals in both languages', () => {
    expect(formatInterval(10 * 60_000, 'en')).toBe('10 min')
    expect(formatInterval(3 * 86_400_000, 'en')).toBe('3 days')
    expect(formatInterval(3 * 86_400_000, 'zh-Hans')).toBe('3天')
    expect(formatInterval(20_000, 'en')).toBe('1 min')
  })

  it('translates parameterised strings', () => {
    expect(messagesFor('zh-Hans').itemsInDeck(3)).toBe('3 张卡片')
    expect(messagesFor('en').itemsInDeck(1)).toBe('1 card')
  })
})
