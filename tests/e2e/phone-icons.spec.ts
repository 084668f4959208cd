import { expect, test, type APIRequestContext } from '@playwright/test'

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(body: Buffer): string {
  expect(body.subarray(1, 4).toString('latin1')).toBe('PNG')
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`
}

async function served(request: APIRequestContext, href: string) {
  const response = await request.get(href)
  expect(response.status(), href).toBe(200)
  return { type: response.headers()['content-type'], body: await response.body() }
}

test('the favicon, touch icon and manifest icons are linked in the head and served with their types and sizes', async ({ page }) => {
  await page.goto('/')
  const head = page.locator('head')
  const svg = await head.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href')
  const ico = await head.locator('link[rel="icon"][sizes="32x32"]').getAttribute('href')
  const touch = await head.locator('link[rel="apple-touch-icon"]').getAttribute('href')

  const svgFile = await served(page.request, svg!)
  expect(svgFile.type).toMatch(/^image\/svg\+xml/)
  expect(svgFile.body.toString()).toContain('<svg')

  const icoFile = await served(page.request, ico!)
  expect(icoFile.type).toBe('image/vnd.microsoft.icon')
  // An .ico header: reserved 0, type 1 (icon), then the image count.
  expect([icoFile.body.readUInt16LE(0), icoFile.body.readUInt16LE(2), icoFile.body.readUInt16LE(4)]).toEqual([0, 1, 2])

  const touchFile = await served(page.request, touch!)
  expect(touchFile.type).toBe('image/png')
  expect(pngSize(touchFile.body)).toBe('180x180')

  // Every icon either manifest names exists, is a PNG and has the size it declares.
  for (const lang of ['en', 'zh-Hans']) {
    const manifest = (await (await page.request.get(`/manifest.${lang}.webmanifest`)).json()) as {
      icons: { src: string; sizes: string; type: string }[]
    }
    for (const icon of manifest.icons) {
      const file = await served(page.request, icon.src)
      expect(file.type, icon.src).toBe(icon.type)
      expect(pngSize(file.body), icon.src).toBe(icon.sizes)
    }
  }
})
