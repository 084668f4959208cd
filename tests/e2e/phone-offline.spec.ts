/**
 * Offline study on a phone (issue 11): installable, a kept deck studied with no network, answers waiting in
 * the outbox across a closed page, synced on reconnect into the server's log with the phone's times; two
 * phones of one learner merging to the same states.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, devices, expect, test, type BrowserContext, type Page } from '@playwright/test'
import { prompt, verdict } from '../support/study-screen'
import { CHROMIUM_ARGS, findChromium } from '../support/browser'
import { openDatabase } from '../../db/client'
import { ROOT } from '../support/paths'
import { checkDatabase } from '../reliability/verify'
import { brokenWords, sidewaysScroll } from '../support/phone-fit'
import { subjectOf } from '~/domain/kinds'
import type { KeptDeck } from '~/offline/kept-deck'

const E2E_DB = `file:${path.join(ROOT, 'tests', '.tmp', 'e2e', 'e2e.db')}`

/** Opens the study page and answers the first card online, so a guest exists and the deck is kept. */
async function startOnline(page: Page, deckId = 'all') {
  await page.goto(`/decks/${deckId}/study`)
  await answerCard(page)
  await expect.poll(() => keptDeckIds(page), { timeout: 20_000 }).toContain(deckId)
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)), { timeout: 20_000 }).toBe(true)
  // The worker controls pages loaded from now on.
  await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
}

/**
 * Reads one of the phone's IndexedDB stores as the app left it: its keys or its values, optionally only keys
 * starting with `prefix`. A store the app has not created yet reads as empty.
 */
function readPhoneStore<T>(page: Page, store: string, read: 'keys' | 'values', prefix?: string): Promise<T[]> {
  return page.evaluate(
    ({ store, read, prefix }) =>
      new Promise<T[]>((resolve) => {
        const open = indexedDB.open('sourcedeck-offline')
        // Never create the database here: the app must create it with its stores.
        open.onupgradeneeded = () => open.transaction!.abort()
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains(store)) return resolve([])
          const range = prefix === undefined ? undefined : IDBKeyRange.bound(prefix, `${prefix}\uffff`)
          const objects = db.transaction(store).objectStore(store)
          const req = read === 'keys' ? objects.getAllKeys(range) : objects.getAll(range)
          req.onsuccess = () => resolve(req.result as T[])
        }
        open.onerror = () => resolve([])
      }),
    { store, read, prefix },
  )
}

const keptDeckIds = async (page: Page) => (await readPhoneStore<IDBValidKey>(page, 'decks', 'keys')).map(String)

type Outboxed = { event: { type: string; id?: string; reviewId?: string; itemId?: string; answeredAt?: number; checkedAt?: number } }
const outboxOf = (page: Page) => readPhoneStore<Outboxed>(page, 'outbox', 'values')

/** The phone's card states by item (cards it holds as new are left out). */
async function phoneCards(page: Page): Promise<Record<string, unknown>> {
  const rows = await readPhoneStore<{ itemId: string; card: unknown }>(page, 'cards', 'values')
  return Object.fromEntries(rows.filter((r) => r.card).map((r) => [r.itemId, r.card]))
}

/** The phone's open checks (keys `check|user|deck|item`): their item ids. */
const phoneCheckedItems = async (page: Page) =>
  (await readPhoneStore<IDBValidKey>(page, 'meta', 'keys', 'check|')).map((k) => String(k).split('|').pop()!)

const TYPED_CARD = '/decks/kinds/study?card=kd-typed-meeting-day'

/** Kept the kinds deck online, then offline: the typed card shown and checked wrong, its verdict on screen. */
async function checkTypedCardOffline(page: Page, context: BrowserContext) {
  await startOnline(page, 'kinds')
  await context.setOffline(true)
  await page.goto(TYPED_CARD)
  await expect(page.locator('[data-offline-study]')).toBeVisible()
  await page.getByLabel('Your answer').fill('29 October 2025')
  await page.getByRole('button', { name: 'Check', exact: true }).tap()
  await expect(verdict(page)).toContainText('Not quite')
}

/** Answers whatever card is shown: flip → show answer; interactive → check as it stands; then a rating. */
async function answerCard(page: Page, rating: 'Again' | 'Hard' | 'Good' | 'Easy' = 'Good') {
  await expect(prompt(page)).toBeVisible()
  const before = await prompt(page).textContent()
  const reveal = page.getByRole('link', { name: 'Show answer' })
  const check = page.getByRole('button', { name: 'Check', exact: true })
  await expect(reveal.or(check)).toBeVisible()
  if (await reveal.isVisible()) await reveal.tap()
  else {
    // A framing pair is checked only with both sides chosen (any choice: the test is about syncing, not grading).
    for (const side of await page.getByRole('combobox', { name: /^Characterisation \d/ }).all()) await side.selectOption({ index: 1 })
    await check.tap()
  }
  await page.getByRole('button', { name: new RegExp(`^${rating}, next in`) }).tap()
  await expect(prompt(page).or(page.getByRole('heading', { name: 'All done for now' }))).toBeVisible()
  return before
}

async function serverLog() {
  const db = openDatabase(E2E_DB)
  try {
    return (await db.$client.execute('select id, user_id, item_id, reviewed_at from review_logs order by reviewed_at')).rows.map((r) => ({
      id: String(r.id),
      userId: String(r.user_id),
      itemId: String(r.item_id),
      reviewedAt: Number(r.reviewed_at),
    }))
  } finally {
    db.$client.close()
  }
}

async function serverStates(userId: string) {
  const db = openDatabase(E2E_DB)
  try {
    const rows = await db.query.cardStates.findMany({ where: (c, { eq }) => eq(c.userId, userId) })
    return Object.fromEntries(rows.map(({ userId: _u, itemId, ...card }) => [itemId, card]))
  } finally {
    db.$client.close()
  }
}

test('the app is installable: a manifest in both languages and a service worker, no installability errors', async ({ baseURL }) => {
  // A normal (not incognito) profile: Chromium never offers to install from an incognito one.
  const profile = mkdtempSync(path.join(tmpdir(), 'sd-install-'))
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
    baseURL,
    ...devices['Pixel 7'],
  })
  const page = persistent.pages()[0] ?? (await persistent.newPage())
  await page.goto('/')
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)), { timeout: 20_000 }).toBe(true)
  const cdp = await page.context().newCDPSession(page)
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }
  expect(installabilityErrors).toEqual([])
  const en = await (await page.request.get('/manifest.en.webmanifest')).json()
  const zh = await (await page.request.get('/manifest.zh-Hans.webmanifest')).json()
  expect({ en: en.display, zh: zh.display, start: en.start_url }).toEqual({ en: 'standalone', zh: 'standalone', start: '/?source=app' })
  expect(zh.name).toMatch(/日本外交/)
  expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.en.webmanifest')
  await persistent.close()
  rmSync(profile, { recursive: true, force: true })
})

test('offline round trip: kept deck studied offline, answers wait across a closed page, then sync with the phone’s times', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  // The kinds deck: one card of each interactive kind (flip cards are studied offline in the two-phone test).
  await startOnline(page, 'kinds')
  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('[data-offline-study]')).toBeVisible()
  await expect(page.getByText('Offline', { exact: true })).toBeVisible()
  const prompts = new Set<string>()
  for (let i = 0; i < 10; i++) {
    // Every card of this deck is a question to answer and check.
    await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible()
    prompts.add((await answerCard(page, i % 3 === 0 ? 'Again' : 'Good')) ?? '')
  }
  expect(prompts.size).toBeGreaterThanOrEqual(7)
  // Each answer, and before it the check it was rated on (checks go to the server too).
  const outboxed = await outboxOf(page)
  const waiting = outboxed.filter((e) => e.event.type === 'answer')
  expect(waiting).toHaveLength(10)
  expect(outboxed.filter((e) => e.event.type === 'check')).toHaveLength(10)
  await page.close()

  const again = await context.newPage()
  await again.goto('/decks/kinds/study')
  await expect(again.getByText('10 answers waiting to sync')).toBeVisible()

  await context.setOffline(false)
  await again.evaluate(() => dispatchEvent(new Event('online')))
  await expect(again.getByText('No answers waiting')).toBeVisible({ timeout: 20_000 })
  const log = await serverLog()
  const ids = waiting.map((e) => e.event.id!)
  const synced = log.filter((r) => ids.includes(r.id))
  expect(synced.map((r) => [r.id, r.reviewedAt])).toEqual(waiting.map((e) => [e.event.id, e.event.answeredAt]))
  const check = await checkDatabase(E2E_DB, new Set(log.map((r) => r.id)))
  expect({
    differing: check.statesDiffering,
    counts: check.answerCountsDiffering,
    days: check.studyDaysDiffering,
    duplicates: check.duplicateReviews,
  }).toEqual({ differing: 0, counts: 0, days: 0, duplicates: 0 })
  // The phone holds the server's states for every card it answered.
  const userId = log.find((r) => ids.includes(r.id))!.userId
  const server = await serverStates(userId)
  const phone = await phoneCards(again)
  for (const itemId of new Set(synced.map((r) => r.itemId))) expect(phone[itemId]).toEqual(server[itemId])
})

test('a card checked offline comes back after a reload with its verdict, is rated once and syncs once', async ({ page, context }) => {
  test.setTimeout(120_000)
  await checkTypedCardOffline(page, context)

  // Reloaded offline, from the deck's own address too: the same showing and verdict, not a fresh try.
  for (const address of [null, '/decks/kinds/study']) {
    if (address) await page.goto(address)
    else await page.reload()
    await expect(page.locator('[data-offline-study]')).toBeVisible()
    await expect(prompt(page)).toContainText('Rubio')
    await expect(verdict(page)).toContainText('Not quite')
    await expect(verdict(page).getByRole('definition').first()).toHaveText('29 October 2025')
    await expect(page.getByRole('button', { name: 'Check', exact: true })).toHaveCount(0)
    await expect(page.getByLabel('Your answer')).toHaveCount(0)
  }
  await page.getByRole('button', { name: /^Again, next in .* \(suggested\)$/ }).tap()
  await expect(verdict(page)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible()
  // Rated: a reload shows a question to answer, never that verdict again.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible()
  await expect(verdict(page)).toHaveCount(0)

  const answers = (await outboxOf(page)).filter((e) => e.event.type === 'answer' && e.event.itemId === 'kd-typed-meeting-day')
  expect(answers).toHaveLength(1)
  await context.setOffline(false)
  await page.evaluate(() => dispatchEvent(new Event('online')))
  await expect(page.getByText('No answers waiting')).toBeVisible({ timeout: 20_000 })
  const synced = (await serverLog()).filter(
    (r) => r.id === answers[0]!.event.id || (r.itemId === 'kd-typed-meeting-day' && r.reviewedAt >= answers[0]!.event.answeredAt!),
  )
  expect(synced.map((r) => r.id)).toEqual([answers[0]!.event.id])
})

test('a card checked offline is that showing online too (not a fresh try); rated online, it is not shown checked offline again', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  await checkTypedCardOffline(page, context)
  const [checkEvent] = (await outboxOf(page)).filter((e) => e.event.type === 'check')
  expect(checkEvent).toBeDefined()

  // Back online: the check is sent, and the server shows the card as that showing, with its verdict.
  await context.setOffline(false)
  await page.evaluate(() => dispatchEvent(new Event('online')))
  await expect.poll(async () => (await outboxOf(page)).length, { timeout: 20_000 }).toBe(0)
  await page.goto(TYPED_CARD)
  await expect(page.locator('[data-offline-study]')).toHaveCount(0)
  await expect(prompt(page)).toContainText('Rubio')
  await expect(verdict(page)).toContainText('Not quite')
  await expect(verdict(page).getByRole('definition').first()).toHaveText('29 October 2025')
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toHaveCount(0)

  // Rated online, then the study page left: the phone's copy forgets the check. The phone already keeps the
  // deck's content, so keeping it again fetches only the learner's part.
  const rekeeps: Array<{ url: string; body: Record<string, unknown> }> = []
  page.on('response', async (r) => {
    if (r.url().includes('/decks/kinds/offline')) rekeeps.push({ url: r.url(), body: (await r.json()) as Record<string, unknown> })
  })
  await page.getByRole('button', { name: /^Again, next in .* \(suggested\)$/ }).tap()
  await expect(verdict(page)).toHaveCount(0)
  await page.getByRole('link', { name: 'Back to decks' }).tap()
  await expect.poll(() => phoneCheckedItems(page), { timeout: 20_000 }).toEqual([])
  expect(rekeeps.at(-1)?.url).toContain('?have=')
  expect(rekeeps.at(-1)?.body).toMatchObject({ content: 'unchanged' })
  expect(rekeeps.at(-1)?.body).not.toHaveProperty('items')
  await context.setOffline(true)
  await page.goto(TYPED_CARD)
  await expect(page.locator('[data-offline-study]')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible()
  await expect(verdict(page)).toHaveCount(0)
  await context.setOffline(false)
  const checkedAt = checkEvent!.event.checkedAt!
  const rated = (await serverLog()).filter((r) => r.itemId === 'kd-typed-meeting-day' && r.reviewedAt >= checkedAt)
  expect(rated.map((r) => r.id)).toEqual([checkEvent!.event.reviewId])
})

test('checking another card offline keeps the first card’s check: it comes back with its verdict, not as a fresh try', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  await checkTypedCardOffline(page, context)

  // Another card shown before this one is rated (as Undo brings the last rated card back) and checked.
  await page.goto('/decks/kinds/study?card=kd-cloze-summit-day')
  await expect(prompt(page)).toContainText('Fill the gap')
  await page.getByLabel('Your answer').fill('Osaka')
  await page.getByRole('button', { name: 'Check', exact: true }).tap()
  await expect(verdict(page)).toBeVisible()
  await page.getByRole('button', { name: /^Again, next in/ }).tap()
  await expect(prompt(page)).not.toContainText('Fill the gap')

  // The first card, from the deck's address and its own: its verdict, no second try.
  for (const address of ['/decks/kinds/study', TYPED_CARD]) {
    await page.goto(address)
    await expect(prompt(page)).toContainText('Rubio')
    await expect(verdict(page)).toContainText('Not quite')
    await expect(verdict(page).getByRole('definition').first()).toHaveText('29 October 2025')
    await expect(page.getByRole('button', { name: 'Check', exact: true })).toHaveCount(0)
  }
})

test('offline, undoing the rating before a check ends that check: the card is asked afresh, not shown checked', async ({
  page,
  context,
}) => {
  await checkTypedCardOffline(page, context)
  await page.getByRole('button', { name: /^Again, next in/ }).tap()
  // Recorded on the phone before the page moves on (a navigation would cut the rating short).
  await expect.poll(async () => (await outboxOf(page)).filter((e) => e.event.type === 'answer').length).toBe(1)
  // The card again, checked on this phone: the check notes the card's one answer.
  await page.goto(TYPED_CARD)
  await page.getByLabel('Your answer').fill('29 October 2025')
  await page.getByRole('button', { name: 'Check', exact: true }).tap()
  await expect(verdict(page)).toContainText('Not quite')
  expect(await phoneCheckedItems(page)).toEqual(['kd-typed-meeting-day'])
  // Undoing that answer takes the card back to no answers: the check was made after it, so it no longer holds
  // (the server refuses such a check too). Compared by times it held, as the undone card has no last rating.
  await page.getByRole('button', { name: 'Undo the last answer' }).tap()
  await expect(page.getByText('Last answer undone.')).toBeVisible()
  await expect(prompt(page)).toContainText('Rubio')
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible()
  await expect(verdict(page)).toHaveCount(0)
})

test('an answer the server refuses is explained on the phone at 360 px, in English and in Chinese', async ({ page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await startOnline(page, 'kinds')
  // A rating made on this phone of a showing already rated elsewhere, with another rating: its id is taken.
  // (The e2e database is shared by every test: take this learner's own answer.)
  const [kept] = await readPhoneStore<KeptDeck>(page, 'decks', 'values')
  const [logged] = (await serverLog()).filter((r) => r.userId === kept!.userId)
  // The refusal names the card by its text from the kept deck (its subject where the prompt is shared), in the
  // reader's language (cards in both languages here), not by its id.
  const named = kept!.items.find((k) => k.item.id === logged!.itemId)!
  const cardText = subjectOf(named.item) ?? named.content.prompt
  await page.evaluate(
    ({ userId, id, itemId }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sourcedeck-offline')
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite')
          const event = { type: 'answer', id, itemId, rating: 1, answeredAt: Date.now() - 1000, durationMs: 3000, retention: 0.9 }
          tx.objectStore('outbox').add({ userId, deckId: 'kinds', event })
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        }
      }),
    { userId: kept!.userId, id: logged!.id, itemId: logged!.itemId },
  )
  await page.evaluate(() => dispatchEvent(new Event('online')))
  // The indicator's list of refused answers (an alert with a list; its title changes language with the page).
  const refused = page.getByRole('alert').filter({ has: page.getByRole('list') })
  // The same explanation in each language, fitting the phone: the reason, what it means, the card by its text.
  const readings = [
    {
      language: 'English',
      file: 'en',
      reason: 'Already rated elsewhere',
      help: 'another device or tab',
      absent: 'review id',
      text: cardText.en,
    },
    { language: 'Chinese', file: 'zh', reason: '已在别处评分', help: '其他设备或标签页', absent: 'Already rated', text: cardText.zh },
  ]
  for (const reading of readings) {
    if (reading.language === 'Chinese') await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(refused).toContainText(reading.reason, { timeout: 20_000 })
    await expect(refused).toContainText(reading.help)
    await expect(refused).not.toContainText(reading.absent)
    await expect(refused).toContainText(`“${reading.text}”`)
    await expect(refused).not.toContainText(logged!.itemId)
    expect(await sidewaysScroll(page), `${reading.language}: no sideways scroll`).toBeLessThanOrEqual(0)
    expect(await brokenWords(refused), `${reading.language}: no word broken in two`).toEqual([])
    await refused.screenshot({ path: path.join(ROOT, 'test-results', `refusal-360-${reading.file}.png`) })
  }
  // Nothing was written for the refused rating: the server still has the one answer with that id, as rated.
  expect((await serverLog()).filter((r) => r.id === logged!.id)).toHaveLength(1)
})

test('the connection drops with a card on screen: the rating goes on in offline study, not to an error page', async ({ page, context }) => {
  await startOnline(page, 'dates')
  // The page was loaded online; the phone goes offline while the learner reads the card.
  await expect(prompt(page)).toBeVisible()
  expect(await page.locator('[data-offline-study]').count()).toBe(0)
  await context.setOffline(true)
  await page.getByRole('link', { name: 'Show answer' }).tap()
  await page.getByRole('button', { name: /^Good, next in/ }).tap()
  await expect(page.locator('[data-offline-study]')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0)
  // Offline study of the deck carries on from here: an answer goes to the outbox.
  await answerCard(page, 'Good')
  await expect.poll(async () => (await outboxOf(page)).length).toBeGreaterThan(0)
  await context.setOffline(false)
})

test('the deck list shows what is kept and its size, and a switch drops and keeps a deck', async ({ page }) => {
  await startOnline(page, 'dates')
  await page.goto('/')
  const switchFor = page.getByRole('checkbox', { name: 'Keep Fixture dates for offline study' })
  await expect(switchFor).toHaveAccessibleDescription(/^Kept offline \(\d+ KB\)$/)
  await switchFor.uncheck()
  await expect(switchFor).toHaveAccessibleDescription('Keep for offline')
  await expect.poll(() => keptDeckIds(page)).not.toContain('dates')
  // Studying a dropped deck does not keep it again behind the learner's back.
  await page.goto('/decks/dates/study')
  await page.waitForTimeout(1000)
  expect(await keptDeckIds(page)).not.toContain('dates')
  await page.goto('/')
  await switchFor.check()
  await expect(switchFor).toHaveAccessibleDescription(/^Kept offline/)
  await expect.poll(() => keptDeckIds(page)).toContain('dates')
  // Offline a deck cannot be fetched to keep: the switch goes back and says so, instead of unticking in silence.
  await switchFor.uncheck()
  await expect(switchFor).toHaveAccessibleDescription('Keep for offline')
  await page.context().setOffline(true)
  await switchFor.check()
  await expect(
    page.getByRole('alert').filter({ hasText: 'This deck could not be kept. Check the connection and try again.' }),
  ).toBeVisible()
  await expect(switchFor).not.toBeChecked()
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
  await page.context().setOffline(false)
  await switchFor.check()
  await expect(switchFor).toHaveAccessibleDescription(/^Kept offline/)
  await expect(page.getByRole('alert').filter({ hasText: 'could not be kept' })).toHaveCount(0)
})

test('a visitor who has not answered yet is offered no offline switch (a deck is kept for a learner)', async ({ browser }) => {
  const contextOptions = test.info().project.use
  const visitor = await (await browser.newContext({ ...contextOptions, baseURL: contextOptions.baseURL })).newPage()
  await visitor.goto('/')
  await expect(visitor.getByRole('link', { name: /Fixture dates/ }).first()).toBeVisible()
  await visitor.waitForLoadState('networkidle')
  await expect(visitor.locator('[data-offline-switch]')).toHaveCount(0)
  await visitor.context().close()
})

async function twoPhones(browserContext: BrowserContext, newContext: () => Promise<BrowserContext>) {
  const a = await browserContext.newPage()
  await startOnline(a, 'all')
  const b = await (await newContext()).newPage()
  await b.context().addCookies(await browserContext.cookies())
  await b.goto('/decks/all/study')
  await expect.poll(() => keptDeckIds(b), { timeout: 20_000 }).toContain('all')
  await expect.poll(() => b.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)), { timeout: 20_000 }).toBe(true)
  await b.reload()
  await expect.poll(() => b.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
  return { a, b }
}

for (const order of ['A then B', 'B then A'] as const) {
  test(`two phones of one learner answer the same cards offline and sync ${order}: identical states`, async ({ context, browser }) => {
    test.setTimeout(120_000)
    const contextOptions = test.info().project.use
    const { a, b } = await twoPhones(context, () => browser.newContext({ ...contextOptions, baseURL: contextOptions.baseURL }))
    await a.context().setOffline(true)
    await b.context().setOffline(true)
    await a.reload()
    await b.reload()
    for (let i = 0; i < 3; i++) await answerCard(a, 'Good')
    for (let i = 0; i < 3; i++) await answerCard(b, 'Again')
    const [first, second] = order === 'A then B' ? [a, b] : [b, a]
    for (const phone of [first, second]) {
      await phone.context().setOffline(false)
      await phone.evaluate(() => dispatchEvent(new Event('online')))
      await expect(phone.getByText('No answers waiting')).toBeVisible({ timeout: 20_000 })
    }
    // Back online, each phone refreshes its kept deck: both hold the server's states, equal to the replay.
    for (const phone of [a, b]) await phone.goto('/decks/all/study')
    const log = await serverLog()
    const check = await checkDatabase(E2E_DB, new Set(log.map((r) => r.id)))
    expect({ differing: check.statesDiffering, duplicates: check.duplicateReviews }).toEqual({ differing: 0, duplicates: 0 })
    const userId = (await outboxUser(a)) ?? log[log.length - 1]!.userId
    const server = await serverStates(userId)
    await expect.poll(() => phoneCards(a), { timeout: 20_000 }).toEqual(server)
    await expect.poll(() => phoneCards(b), { timeout: 20_000 }).toEqual(server)
    expect(Object.keys(server).length).toBeGreaterThanOrEqual(3)
  })
}

/** The learner a phone keeps decks for. */
async function outboxUser(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('sourcedeck-offline')
        // Never create the database here: the app must create it with its stores.
        open.onupgradeneeded = () => open.transaction!.abort()
        open.onsuccess = () => {
          const req = open.result.transaction('decks').objectStore('decks').getAll()
          req.onsuccess = () => resolve(req.result[0]?.userId ?? null)
        }
        open.onerror = () => resolve(null)
      }),
  )
}
