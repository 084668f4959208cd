/**
 * The i18n layer: a typed dictionary per language. We chose this over i18next because the whole UI is a
 * few dozen strings: the compiler proves zh-Hans has every key with the right parameters, and the study
 * page ships no i18n runtime (bundle budget). Formatting (numbers, dates, units) uses Intl.
 */
import { en, type Messages } from './en'
import { zhHans } from './zh-Hans'

export const LANGUAGES = ['en', 'zh-Hans'] as const
export type Lang = (typeof LANGUAGES)[number]
export type { Messages }

const dictionaries: Record<Lang, Messages> = { en, 'zh-Hans': zhHans }

export function messagesFor(lang: Lang): Messages {
  return dictionaries[lang]
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Picks the best language from an Accept-Language header: any zh variant → zh-Hans, else English. */
export function langFromAcceptLanguage(header: string | null): Lang {
  if (!header) return 'en'
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-Hans'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return 'en'
}

/** A short interval for a rating button: "10 min", "3 d" / "10分钟", "3天". */
export function formatInterval(ms: number, lang: Lang): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  const pick = (): [number, 'minute' | 'hour' | 'day' | 'month' | 'year'] => {
    if (minutes < 60) return [minutes, 'minute']
    const hours = minutes / 60
    if (hours < 24) return [Math.round(hours), 'hour']
    const days = hours / 24
    if (days < 30) return [Math.round(days), 'day']
    if (days < 365) return [Math.round((days / 30) * 10) / 10, 'month']
    return [Math.round((days / 365) * 10) / 10, 'year']
  }
  const [value, unit] = pick()
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** When the next card is due, in the learner's zone: "today 14:05" style via Intl. */
export function formatDueTime(t: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t))
}
