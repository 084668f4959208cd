/** /export: a selection of the content (source, category, tag) downloads as a file, as `deck:export` writes it. */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { exportSelection, liveDeck } from '~/data/deck-export.server'
import { createImportedDeck } from '~/data/imported-decks.server'
import { itemChoices } from '~/data/item-choices.server'
import { categories } from '~/domain/content/schema'
import { loader as fileLoader } from '~/routes/filter-export-file'
import { loader as pageLoader } from '~/routes/filter-export'
import { signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, getRequest, settle } from '../support/routes'

async function download(query: string, cookie: string | null = null) {
  try {
    return await fileLoader(await args(getRequest(`/export/file?${query}`, cookie), {}))
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const csvRows = async (res: Response) => (await res.text()).split('\r\n').filter(Boolean)

describe('selection export download', () => {
  it('exports exactly the cards of a category, of a category and tag, and of a source, as the CLI selects them', async () => {
    const db = await freshDatabase()
    const all = (await exportSelection(db, { filter: {} })).items
    const dates = (await exportSelection(db, { filter: { categories: ['date'] } })).items
    expect(dates.length).toBeGreaterThan(0)
    expect(dates.length).toBeLessThan(all.length)
    const res = await download('category=date&tag=&source=&format=csv&lang=en')
    expect(res.headers.get('Location')).toBeNull()
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="category-date-en.csv"')
    expect(await csvRows(res)).toHaveLength(dates.length)

    const tag = dates[0]!.item.tags[0]!
    const both = (await exportSelection(db, { filter: { categories: ['date'], tags: [tag] } })).items
    const narrowed = await download(`category=date&tag=${tag}&format=gift&lang=both`)
    expect(narrowed.headers.get('Content-Disposition')).toBe(`attachment; filename="category-date-tag-${tag}-both.gift.txt"`)
    expect((await narrowed.text()).match(/^::/gm)).toHaveLength(both.length)

    const source = dates[0]!.item.sources[0]!.doc
    const bySource = (await exportSelection(db, { filter: { sources: [source] } })).items
    expect(bySource.every(({ item }) => item.sources.some((s) => s.doc === source))).toBe(true)
    expect(await csvRows(await download(`source=${source}&format=csv&lang=zh`))).toHaveLength(bySource.length)
  })

  it('never includes an instructor’s imported private cards', async () => {
    const db = await freshDatabase()
    const owner = await signUp('instructor')
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, owner.email))
    const { items } = await exportSelection(db, { deck: (await liveDeck(db, 'kinds'))! })
    const tag = items[0]!.item.tags[0]!
    const before = await csvRows(await download(`tag=${tag}&format=csv&lang=en`, owner.cookie))
    const privateItems = items.slice(0, 2).map(({ item }, i) => ({ ...item, id: `imp-filter-test-${i}` }))
    await createImportedDeck(db, { deckId: 'imp-filter-test', ownerId: row!.id, title: 'Mine', fileName: 'mine.csv', items: privateItems })
    expect(await csvRows(await download(`tag=${tag}&format=csv&lang=en`, owner.cookie))).toEqual(before)
  })

  it.each([
    'tag=no-such-tag&format=csv&lang=en',
    'category=colour&format=csv&lang=en',
    'source=nope&format=csv&lang=en',
    'format=pdf&lang=en',
    '',
  ])('sends a choice the form did not offer (%j) back to the page, which says why', async (query) => {
    await freshDatabase()
    const res = await download(query)
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/export?error=invalid')
  })

  it('sends a selection without cards back to the page, which says so', async () => {
    const db = await freshDatabase()
    const { tags } = await itemChoices(db, null)
    // A category and tag that never meet in the content.
    let empty: string | null = null
    for (const c of categories)
      for (const tag of tags)
        if (!empty && (await exportSelection(db, { filter: { categories: [c], tags: [tag] } })).items.length === 0)
          empty = `category=${c}&tag=${tag}`
    expect(empty).not.toBeNull()
    const res = await download(`${empty}&format=csv&lang=en`)
    expect(res.headers.get('Location')).toBe('/export?error=empty')
    const page = await settle<{ refusal: string | null; tags: string[] }>(pageLoader(await args(getRequest('/export?error=empty'), {})))
    expect(page.body.refusal).toBe('empty')
    expect(page.body.tags).toEqual(tags)
  })
})
