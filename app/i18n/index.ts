/**
 * The i18n layer: a typed dictionary per language. We chose this over i18next because the whole UI is a
 * few dozen strings: the compiler proves zh-Hans has every key with the right parameters, and the study
 * page ships no i18n runtime (bundle budget). Formatting (numbers, dates, units) uses Intl.
 */
import type { Messages } from './en'

export const LANGUAGES = ['en', 'zh-Hans'] as const
export type Lang = (typeof LANGUAGES)[number]
export type { Messages }

/**
 * The dictionaries this runtime has. The server, tests, scripts and the offline app hold both (./all.ts);
 * a browser page loads only its own language (./load.ts), so each dictionary stays out of the other's
 * study page bundle.
 */
const dictionaries: Partial<Record<Lang, Messages>> = {}

export function provideMessages(lang: Lang, messages: Messages) {
  dictionaries[lang] = messages
}

export function hasMessages(lang: Lang): boolean {
  return dictionaries[lang] !== undefined
}

export function messagesFor(lang: Lang): Messages {
  const messages = dictionaries[lang]
  if (!messages) throw new Error(`The ${lang} messages are not loaded: import ~/i18n/all, or await loadMessages('${lang}').`)
  return messages
}

/**
 * The language's messages if loaded, else any loaded ones. Route `meta` functions use it: <PageMeta/> renders them
 * only once the page's own language is loaded (app/i18n/page-meta.tsx), so this is a safety net that shows a title
 * in the other language rather than failing the page, should something call them earlier.
 */
export function messagesForOrLoaded(lang: Lang): Messages {
  return dictionaries[lang] ?? Object.values(dictionaries)[0] ?? messagesFor(lang)
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

/**
 * When something is due, in words, in the learner's zone and without seconds: "today, 16:05", "tomorrow,
 * 04:00", "in 3 days, 04:00" (今天 16:05, 明天 04:00); past a week, the date. Days are calendar days in `timeZone`.
 */
export function formatDueInWords(t: number, now: number, lang: Lang, timeZone: string): string {
  const dayNumber = (x: number) => {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(x))
      .split('-')
      .map(Number)
    return Date.UTC(y!, m! - 1, d!) / 86_400_000
  }
  const days = dayNumber(t) - dayNumber(now)
  const time = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(t))
  if (days < 0 || days > 6)
    return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(t))
  const day = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day')
  return lang === 'en' ? `${day}, ${time}` : `${day} ${time}`
}

/** A moment in the viewer's zone, without seconds: "4 Dec 2026, 16:05" / "2026年12月4日 16:05". */
export function formatDateTime(t: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(t))
}

/** A day in the viewer's zone: "4 Dec 2026" / "2026年12月4日". */
export function formatDate(t: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium' }).format(new Date(t))
}

/** When the next card is due, in the learner's zone: "today 14:05" style via Intl. */
export function formatDueTime(t: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t))
}
