/**
 * Draws the app's icon once and writes every file browsers ask for: the SVG favicon, a 16+32 px favicon.ico,
 * the 180 px apple-touch-icon and the manifest's 192/512 px icons (plain and maskable). The PNGs are rendered
 * by the Chromium the browser tests already use, so no image library is needed. Run after changing the design:
 *   node --import tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser'

const ROOT = path.resolve(import.meta.dirname, '..')
const PUBLIC = path.join(ROOT, 'public')
const TEAL = '#1f5f6b'

/**
 * A deck of two cards on the brand colour. `rounded` for tabs (the browser shows the corners); full-bleed for
 * home screens, which cut their own shape. `scale` shrinks the cards into a maskable icon's safe circle.
 */
function iconSvg({ rounded, scale }: { rounded: boolean; scale: number }): string {
  const cards = [
    `<rect x="26" y="20" width="54" height="40" rx="5" fill="#fafafa" fill-opacity=".55" transform="rotate(-8 53 40)"/>`,
    `<rect x="20" y="33" width="60" height="44" rx="5" fill="#fafafa"/>`,
    `<rect x="31" y="49" width="38" height="6" rx="2" fill="${TEAL}"/>`,
    `<rect x="31" y="61" width="24" height="5" rx="2" fill="${TEAL}" fill-opacity=".55"/>`,
  ].join('')
  const transform = scale === 1 ? '' : ` transform="translate(50 50) scale(${scale}) translate(-50 -50)"`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<rect width="100" height="100"${rounded ? ' rx="22"' : ''} fill="${TEAL}"/>` +
    `<g${transform}>${cards}</g></svg>\n`
  )
}

/** An .ico file holding PNG images (supported by every browser since Windows Vista's format change). */
function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i
    header.writeUInt8(size % 256, entry)
    header.writeUInt8(size % 256, entry + 1)
    header.writeUInt16LE(1, entry + 4)
    header.writeUInt16LE(32, entry + 6)
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((i) => i.png)])
}

const favicon = iconSvg({ rounded: true, scale: 1 })
const fullBleed = iconSvg({ rounded: false, scale: 1 })
const maskable = iconSvg({ rounded: false, scale: 0.8 })

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS })
const page = await browser.newPage({ deviceScaleFactor: 1 })
async function render(svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size })
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`)
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode())
  return page.screenshot({ type: 'png', omitBackground: true })
}

writeFileSync(path.join(PUBLIC, 'icons', 'icon.svg'), favicon)
const ico = icoFromPngs([
  { size: 16, png: await render(favicon, 16) },
  { size: 32, png: await render(favicon, 32) },
])
writeFileSync(path.join(PUBLIC, 'favicon.ico'), ico)
writeFileSync(path.join(PUBLIC, 'icons', 'apple-touch-icon.png'), await render(fullBleed, 180))
writeFileSync(path.join(PUBLIC, 'icons', 'icon-192.png'), await render(fullBleed, 192))
writeFileSync(path.join(PUBLIC, 'icons', 'icon-512.png'), await render(fullBleed, 512))
writeFileSync(path.join(PUBLIC, 'icons', 'icon-maskable-512.png'), await render(maskable, 512))
await browser.close()
console.log('icons written to public/ and public/icons/')
