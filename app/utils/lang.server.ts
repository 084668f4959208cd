/** The interface language: the remembered choice (cookie, then settings), else Accept-Language. */
import { eq } from 'drizzle-orm'
import { userSettings } from '../../db/schema'
import { isLang, langFromAcceptLanguage, type Lang } from '~/i18n'
import { readCookie, serializeCookie } from './cookies.server'
import { getDb } from './db.server'
import { isValidTimeZone } from '~/domain/study-day'

export const LANG_COOKIE = 'sd_lang'

/**
 * The viewer's language and time zone in one read (the root loader: every page shows times in the viewer's
 * zone). A visitor's zone is the browser's, from the tz cookie; else UTC.
 */
export async function viewerPreferences(request: Request, userId: string | null): Promise<{ lang: Lang; timeZone: string }> {
  const [row] = userId
    ? await getDb()
        .select({ lang: userSettings.uiLanguage, timeZone: userSettings.timeZone })
        .from(userSettings)
        .where(eq(userSettings.userId, userId))
    : []
  const tz = readCookie(request, 'tz')
  return { lang: languageFor(request, row?.lang ?? null), timeZone: row?.timeZone ?? (tz && isValidTimeZone(tz) ? tz : 'UTC') }
}

export async function requestLanguage(request: Request, userId: string | null): Promise<Lang> {
  const fromCookie = readCookie(request, LANG_COOKIE)
  if (isLang(fromCookie)) return fromCookie
  if (!userId) return languageFor(request, null)
  const [row] = await getDb().select({ lang: userSettings.uiLanguage }).from(userSettings).where(eq(userSettings.userId, userId))
  return languageFor(request, row?.lang ?? null)
}

/** The same choice when the learner's settings are already in hand (no second read). */
export function languageFor(request: Request, storedLanguage: string | null): Lang {
  const fromCookie = readCookie(request, LANG_COOKIE)
  if (isLang(fromCookie)) return fromCookie
  if (isLang(storedLanguage)) return storedLanguage
  return langFromAcceptLanguage(request.headers.get('Accept-Language'))
}

export function languageCookie(lang: Lang): string {
  return serializeCookie(LANG_COOKIE, lang, { maxAgeSeconds: 365 * 86_400 })
}

/** A download's language: `?lang=en|zh-Hans` if given, else the viewer's own (CSV headers, issue 14.13). */
export async function downloadLanguage(request: Request, userId: string): Promise<Lang> {
  const asked = new URL(request.url).searchParams.get('lang')
  return isLang(asked) ? asked : requestLanguage(request, userId)
}
