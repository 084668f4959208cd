/**
 * offline_next_card_ms: in the browser (Chromium, Pixel 7), offline, from the tap on a rating to the next
 * card on screen in the offline app (IndexedDB write, queue, scheduling, question and React render). Median
 * of 20 cards of a kept deck.
 */
import { chromium, devices, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from '../support/browser'

const CARDS = 20

/** Reveals or checks the shown card (not timed). */
async function reveal(page: Page) {
  const showAnswer = page.getByRole('link', { name: 'Show answer' })
  const check = page.getByRole('button', { name: 'Check', exact: true })
  await showAnswer.or(check).first().waitFor()
  if (await showAnswer.isVisible()) await showAnswer.click()
  else await check.click()
  await page.locator('.rate-good').waitFor()
}

export async function measureOfflineNextCard(url: string, deckId: string) {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: url })
    const page = await context.newPage()
    await page.goto(`/decks/${deckId}/study`)
    await reveal(page)
    await page.locator('.rate-good').click()
    const kept = () =>
      page.evaluate(
        (id) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('sourcedeck-offline')
            open.onupgradeneeded = () => open.transaction!.abort()
            open.onerror = () => resolve(false)
            open.onsuccess = () => {
              if (!open.result.objectStoreNames.contains('decks')) return resolve(false)
              const req = open.result.transaction('decks').objectStore('decks').getKey(id)
              req.onsuccess = () => resolve(req.result !== undefined)
            }
          }),
        deckId,
      )
    for (let i = 0; !(await kept()); i++) {
      if (i > 120) throw new Error('the deck was never kept')
      await page.waitForTimeout(500)
    }
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await context.setOffline(true)
    await page.reload()
    await page.locator('[data-offline-study]').waitFor()
    const times: number[] = []
    for (let i = 0; i < CARDS; i++) {
      await reveal(page)
      times.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const before = document.querySelector('.prompt')?.textContent
              const button = document.querySelector<HTMLButtonElement>('.rate-good')!
              const started = performance.now()
              const observer = new MutationObserver(() => {
                const prompt = document.querySelector('.prompt')
                // The next card is on screen once the prompt changed and no rating bar of the old card is left.
                if (
                  (prompt && prompt.textContent !== before && !document.querySelector('.rate-good')) ||
                  document.querySelector('#done-title')
                ) {
                  observer.disconnect()
                  resolve(performance.now() - started)
                }
              })
              observer.observe(document.body, { subtree: true, childList: true, characterData: true })
              button.click()
            }),
        ),
      )
      if (await page.locator('#done-title').isVisible()) break
    }
    times.sort((a, b) => a - b)
    return {
      medianMs: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
      cards: times.length,
      maxMs: Math.round(times[times.length - 1]!),
    }
  } finally {
    await browser.close()
  }
}
