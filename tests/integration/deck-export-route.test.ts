import { eq } from 'drizzle-orm'
import { unzipSync } from 'fflate'
import { parse as parseGift } from 'gift-pegjs'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { exportSelection, liveDeck } from '~/data/deck-export.server'
import { createImportedDeck } from '~/data/imported-decks.server'
import { loader as fileLoader } from '~/routes/deck-export-file'
import { loader as pageLoader } from '~/routes/deck-export'
import type { Database } from '~/utils/db.server'
import { signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, getRequest, settle } from '../support/routes'

async function download(deckId: string, query: string, cookie: string | null = null) {
  try {
    return await fileLoader(await args(getRequest(`/decks/${deckId}/export/file?${query}`, cookie), { deckId }))
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    const status = (thrown as { init?: { status?: number } }).init?.status
    if (status) return new Response(null, { status })
    throw thrown
  }
}

async function kindsCount(db: Database) {
  return (await exportSelection(db, { deck: (await liveDeck(db, 'kinds'))! })).items.length
}

describe('deck export download', () => {
  it('returns each format as an attachment named after the deck and language', async () => {
    const db = await freshDatabase()
    const count = await kindsCount(db)
    const gift = await download('kinds', 'format=gift&lang=zh')
    expect(gift.status).toBe(200)
    expect(gift.headers.get('Content-Disposition')).toBe('attachment; filename="kinds-zh.gift.txt"')
    expect(gift.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(parseGift(await gift.text()).filter((q) => q.type !== 'Category')).toHaveLength(count)
    const xml = await download('kinds', 'format=moodle-xml&lang=both')
    expect(xml.headers.get('Content-Disposition')).toBe('attachment; filename="kinds-both.xml"')
    expect(XMLValidator.validate(await xml.text())).toBe(true)
    const csv = await download('kinds', 'format=csv&lang=en')
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(count)
    const apkg = await download('kinds', 'format=apkg&lang=en')
    expect(apkg.headers.get('Content-Disposition')).toBe('attachment; filename="kinds-en.apkg"')
    expect(Object.keys(unzipSync(new Uint8Array(await apkg.arrayBuffer()))).sort()).toEqual(['collection.anki21', 'media'])
  })

  it.each(['format=pdf&lang=en', 'format=csv&lang=fr', 'format=csv', ''])(
    'sends bad parameters (%j) back to the export page, which says why',
    async (query) => {
      await freshDatabase()
      const res = await download('kinds', query)
      expect(res.status).toBe(302)
      expect(res.headers.get('Location')).toBe('/decks/kinds/export?error=invalid')
      const page = await settle<{ refusal: string | null }>(
        pageLoader(await args(getRequest('/decks/kinds/export?error=invalid'), { deckId: 'kinds' })),
      )
      expect(page.body.refusal).toBe('invalid')
    },
  )

  it('does not know a deck that does not exist, nor another instructor’s private deck', async () => {
    const db = await freshDatabase()
    expect((await download('no-such-deck', 'format=csv&lang=en')).status).toBe(404)
    const owner = await signUp('instructor')
    const stranger = await signUp('instructor')
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, owner.email))
    const { items } = await exportSelection(db, { deck: (await liveDeck(db, 'kinds'))! })
    const privateItems = items.slice(0, 2).map(({ item }, i) => ({ ...item, id: `imp-export-test-${i}` }))
    await createImportedDeck(db, { deckId: 'imp-export-test', ownerId: row!.id, title: 'Mine', fileName: 'mine.csv', items: privateItems })
    expect((await download('imp-export-test', 'format=csv&lang=en', stranger.cookie)).status).toBe(404)
    expect((await download('imp-export-test', 'format=csv&lang=en')).status).toBe(404)
    const own = await download('imp-export-test', 'format=csv&lang=en', owner.cookie)
    expect(own.status).toBe(200)
    expect((await own.text()).split('\r\n').filter(Boolean)).toHaveLength(2)
  })
})
