/** JavaScript the study page loads: every script and module preload in its HTML, gzipped as served. */
import { gzipSync } from 'node:zlib'

export async function measureStudyPageJs(url: string, cookie: string) {
  const html = await (await fetch(`${url}/decks/timeline/study`, { headers: { Cookie: cookie } })).text()
  const srcs = new Set<string>()
  for (const m of html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.js)"/g)) srcs.add(m[1]!)
  for (const m of html.matchAll(/import\(?\s*"(\/assets\/[^"]+\.js)"/g)) srcs.add(m[1]!)
  let gzip = 0
  let raw = 0
  const files: Array<{ path: string; gzip: number }> = []
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(url + src)).arrayBuffer())
    const size = gzipSync(body, { level: 6 }).length
    raw += body.length
    gzip += size
    files.push({ path: src, gzip: size })
  }
  return { gzipBytes: gzip, rawBytes: raw, files: files.sort((a, b) => b.gzip - a.gzip) }
}
