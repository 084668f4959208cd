/**
 * Property tests: random, missing, oversized, wrongly typed fields and unicode oddities sent to every action
 * never produce a 500 and never write anything.
 */
import fc from 'fast-check'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs, userSettings } from '../../db/schema'
import { action as languageAction } from '~/routes/language'
import { action as settingsAction } from '~/routes/settings'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { freshDatabase } from '../support/db'
import { call, getRequest, guestCookie } from '../support/routes'

const oddStrings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '3.5',
    '1e9',
    'NaN',
    'null',
    'true',
    '[]',
    '{}',
    '\u0000',
    '\u202e',
    '𠮷',
    '\ufeff3',
    '３',
    'review',
    'undo',
    'mh-actor-motegi',
  ),
  fc.string({ minLength: 1000, maxLength: 5000 }),
)
const fieldsFor = (names: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), oddStrings, { maxKeys: 8 })

function post(url: string, fields: Record<string, string>, cookie: string | null, duplicate?: string) {
  const body = new URLSearchParams(fields)
  if (duplicate) body.append(duplicate, fields[duplicate] ?? 'x')
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: body.toString(),
  })
}

describe('hostile input to actions', () => {
  it('study action: never 5xx, never writes', async () => {
    const db = await freshDatabase()
    const cookie = await guestCookie()
    await fc.assert(
      fc.asyncProperty(
        fieldsFor(['intent', 'reviewId', 'itemId', 'rating', 'shownAt', 'durationMs']),
        fc.option(fc.constantFrom('rating', 'intent')),
        async (fields, dup) => {
          if (fields.intent === 'undo') return // a well-formed undo with nothing to undo is not hostile
          const res = await call(studyAction, post('/decks/all/study', fields, cookie, dup ?? undefined), { deckId: 'all' })
          expect(res.status).toBeLessThan(500)
        },
      ),
      { numRuns: 150 },
    )
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
    expect(await db.select({ n: count() }).from(cardStates)).toEqual([{ n: 0 }])
  })

  it('settings action: never 5xx, never writes a bad value', async () => {
    const db = await freshDatabase()
    const { settingsSchema } = await import('~/domain/settings-form')
    const cookie = await guestCookie()
    const [before] = await db.select().from(userSettings)
    await fc.assert(
      fc.asyncProperty(
        fieldsFor(['desiredRetention', 'newPerDay', 'maxReviewsPerDay', 'uiLanguage', 'cardLanguage', 'timeZone']),
        async (fields) => {
          const res = await call(settingsAction, post('/settings', fields, cookie), {})
          expect(res.status).toBeLessThan(500)
          const [now] = await db.select().from(userSettings)
          // Whatever was sent, what is stored is either untouched or passes the schema.
          const { userId: _u, ...stored } = now!
          expect(JSON.stringify(now) === JSON.stringify(before) || settingsSchema.safeParse(stored).success).toBe(true)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('language action: never 5xx, never an off-site redirect', async () => {
    await freshDatabase()
    await fc.assert(
      fc.asyncProperty(fieldsFor(['lang', 'redirectTo']), async (fields) => {
        const res = await call(languageAction, post('/language', fields, null), {})
        expect(res.status).toBeLessThan(500)
        if (res.location) expect(res.location).toMatch(/^\/(?!\/)/)
      }),
      { numRuns: 200 },
    )
  })

  it('study loader: odd deck ids and query strings never 5xx', async () => {
    await freshDatabase()
    await fc.assert(
      fc.asyncProperty(oddStrings, oddStrings, async (deckId, card) => {
        const url = `/decks/${encodeURIComponent(deckId)}/study?card=${encodeURIComponent(card)}&reveal=${encodeURIComponent(card)}`
        const res = await call(studyLoader, getRequest(url), { deckId })
        expect(res.status).toBeLessThan(500)
      }),
      { numRuns: 100 },
    )
  })
})
