/**
 * What "fits a phone" means in the browser tests: no sideways scroll, and no word (a run of letters or digits
 * outside Chinese script, which may break anywhere) split across two lines.
 */
import type { Locator, Page } from '@playwright/test'

/** How many pixels the page scrolls sideways (0 or less: none). */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** The words inside `area` that line breaking split across two lines. */
export function brokenWords(area: Locator): Promise<string[]> {
  return area.evaluate((root) => {
    const broken: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/[\p{L}\p{N}'’]+/gu)) {
        if (/\p{Script=Han}/u.test(match[0])) continue
        const range = document.createRange()
        range.setStart(node, match.index)
        range.setEnd(node, match.index + match[0].length)
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (lines.size > 1) broken.push(match[0])
      }
    }
    return broken
  })
}
