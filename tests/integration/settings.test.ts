import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { userSettings } from '../../db/schema'
import { action as languageAction } from '~/routes/language'
import { action, loader } from '~/routes/settings'
import { loader as rootLoader } from '~/root'
import { freshDatabase } from '../support/db'
import { args, call, cookieFrom, formRequest, getRequest, guestCookie, settle } from '../support/routes'

const valid = {
  desiredRetention: '0.85',
  newPerDay: '15',
  maxReviewsPerDay: '150',
  uiLanguage: 'zh-Hans',
  cardLanguage: 'zh',
  timeZone: 'Asia/Shanghai',
}

describe('settings', () => {
  it('shows defaults (retention 0.90) and saves valid changes', async () => {
    const db = await freshDatabase()
    const page = await call<{ settings: { desiredRetention: number; userId: string } }>(loader, getRequest('/settings'), {})
    expect(page.body.settings.desiredRetention).toBe(0.9)
    // Looking creates nobody; saving is the visitor's first write and makes them a guest.
    expect(page.headers.get('Set-Cookie')).toBeNull()
    expect(await db.select().from(userSettings)).toEqual([])
    const saved = await call(action, formRequest('/settings', valid), {})
    expect(saved.status).toBe(303)
    expect(saved.headers.get('Set-Cookie')).toContain('sd_lang=zh-Hans')
    const cookie = cookieFrom(saved.headers)
    const again = await call<{ settings: { userId: string } }>(loader, getRequest('/settings', cookie), {})
    const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, again.body.settings.userId))
    expect(row).toMatchObject({
      desiredRetention: 0.85,
      newPerDay: 15,
      maxReviewsPerDay: 150,
      uiLanguage: 'zh-Hans',
      cardLanguage: 'zh',
      timeZone: 'Asia/Shanghai',
    })
  })

  it.each([
    [{ desiredRetention: '1.5' }, 'desiredRetention', 'errorRetention'],
    [{ desiredRetention: 'abc' }, 'desiredRetention', 'errorRetention'],
    [{ newPerDay: '-1' }, 'newPerDay', 'errorNewPerDay'],
    [{ newPerDay: '2.5' }, 'newPerDay', 'errorNewPerDay'],
    [{ maxReviewsPerDay: '99999' }, 'maxReviewsPerDay', 'errorMaxReviews'],
    [{ cardLanguage: 'fr' }, 'cardLanguage', 'errorChoice'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'errorTimeZone'],
  ])('refuses %o with a field message and writes nothing', async (override, field, message) => {
    const db = await freshDatabase()
    const cookie = await guestCookie()
    const [before] = await db.select().from(userSettings)
    const res = await settle<{ result: { error: Record<string, string[]> } }>(
      action(await args(formRequest('/settings', { ...valid, ...override }, cookie), {})),
    )
    expect(res.status).toBe(400)
    expect(res.body.result.error[field]).toEqual([message])
    expect(await db.select().from(userSettings)).toEqual([before])
  })
})

describe('interface language', () => {
  it('follows Accept-Language, then the remembered choice', async () => {
    await freshDatabase()
    const zh = await call<{ lang: string }>(rootLoader, getRequest('/', null, { 'Accept-Language': 'zh-CN,zh;q=0.9' }), {})
    expect(zh.body.lang).toBe('zh-Hans')
    const switched = await call(languageAction, formRequest('/language', { lang: 'en', redirectTo: '/decks/all/study' }), {})
    expect(switched.status).toBe(302)
    expect(switched.location).toBe('/decks/all/study')
    const langCookie = switched.headers.get('Set-Cookie')!.split(';')[0]!
    const remembered = await call<{ lang: string }>(rootLoader, getRequest('/', langCookie, { 'Accept-Language': 'zh-CN' }), {})
    expect(remembered.body.lang).toBe('en')
  })

  it('refuses an unknown language and never redirects off-site', async () => {
    await freshDatabase()
    const bad = await call(languageAction, formRequest('/language', { lang: 'fr' }), {})
    expect(bad.status).toBe(400)
    const offsite = await call(languageAction, formRequest('/language', { lang: 'en', redirectTo: '//evil.example/x' }), {})
    expect(offsite.location).toBe('/')
  })
})
