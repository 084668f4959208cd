/**
 * The outside attack test's findings (issue 9), each replayed over real HTTP against the production build.
 * The main server trusts one proxy hop (TRUST_PROXY=1), so each test speaks from its own client address
 * through X-Forwarded-For and the rate limits of one test do not touch another.
 */
import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { startApp, type RunningApp } from '../support/app-server'
import { FIXTURE_CONTENT, ROOT, testPort, TMP_DIR } from '../support/paths'

let app: RunningApp
let direct: RunningApp
const dbUrl = `file:${path.join(TMP_DIR, `hardening-${process.pid}.db`)}`
const directDbUrl = `file:${path.join(TMP_DIR, `hardening-direct-${process.pid}.db`)}`

beforeAll(async () => {
  for (const file of [dbUrl, directDbUrl]) for (const s of ['', '-wal', '-shm']) rmSync(file.slice(5) + s, { force: true })
  app = await startApp({
    port: testPort(3340),
    databaseUrl: dbUrl,
    contentDir: FIXTURE_CONTENT,
    env: { TRUST_PROXY: '1', REQUEST_TIMEOUT_MS: '2000' },
  })
  // As most deployments start: no proxy in front, so X-Forwarded-For means nothing.
  direct = await startApp({ port: testPort(3341), databaseUrl: directDbUrl, contentDir: FIXTURE_CONTENT })
})
afterAll(async () => {
  await app?.stop()
  await direct?.stop()
})

let addressCounter = 0
/** A fresh client address (behind the one trusted proxy). */
const newAddress = () => `198.18.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`

interface PostOptions {
  cookie?: string | null
  address?: string
  headers?: Record<string, string>
  target?: RunningApp
}

function post(pathname: string, body: string | Record<string, string>, opts: PostOptions = {}) {
  const target = opts.target ?? app
  const headers: Record<string, string> = {
    Origin: target.url,
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Forwarded-For': opts.address ?? newAddress(),
    ...opts.headers,
  }
  if (opts.cookie) headers.Cookie = opts.cookie
  return fetch(target.url + pathname, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
  })
}

function get(pathname: string, cookie?: string | null, target = app) {
  return fetch(target.url + pathname, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} })
}

function sessionCookie(res: Response): string | null {
  const m = res.headers
    .getSetCookie()
    .join('\n')
    .match(/sd_session=([^;]+)/)
  return m && m[1] ? `sd_session=${m[1]}` : null
}

const PASSWORD = 'correct horse battery'
async function signUp(role: 'student' | 'instructor' = 'student', displayName = 'Someone', address?: string) {
  const email = `${role}-${randomUUID()}@example.org`
  const res = await post('/signup', { displayName, email, password: PASSWORD, role }, { address })
  expect(res.status).toBe(302)
  return { email, cookie: sessionCookie(res)! }
}

/** A request with full control of the headers (Host included), over node:http. */
function rawRequest(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(app.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: pathname,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Writes raw bytes on a socket and returns what the server answered before closing it. */
function rawExchange(bytes: string, timeoutMs = 10_000): Promise<string> {
  const url = new URL(app.url)
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname)
    let reply = ''
    socket.on('data', (c: Buffer) => (reply += c.toString()))
    socket.on('error', () => {})
    socket.on('close', () => resolve(reply))
    socket.write(bytes, () => socket.end())
    setTimeout(() => {
      socket.destroy()
      resolve(reply)
    }, timeoutMs)
  })
}

async function sql(statement: string, args: Array<string | number> = []) {
  const db = openDatabase(dbUrl)
  try {
    return await db.$client.execute({ sql: statement, args })
  } finally {
    db.$client.close()
  }
}

const mailedLinks = () => [...app.output().matchAll(/\[mail\] password reset for (\S+): (\S+)/g)].map((m) => ({ to: m[1]!, link: m[2]! }))

describe('1. request bodies are capped and counted before parsing', () => {
  it('answers 40,000 × "x=" (117 KB) at once with 413 while /healthz stays up', async () => {
    const attack = Array.from({ length: 40_000 }, () => 'x=').join('&')
    const [res, health] = await Promise.all([post('/login', attack), fetch(app.url + '/healthz')])
    expect(res.status).toBe(413)
    expect(health.status).toBe(200)
  })

  it('refuses too many fields (2,000 in 6 KB) and a repeated name with 400, before any sign-in is tried', async () => {
    // A valid sign-in form (unknown account: 401 if it got that far) with extra fields.
    const signIn = 'email=nobody%40example.org&password=some+password&'
    expect((await post('/login', signIn + Array.from({ length: 2_000 }, () => 'x=').join('&'))).status).toBe(400)
    expect((await post('/login', signIn + Array.from({ length: 11 }, () => 'next=%2F').join('&'))).status).toBe(400)
  })

  it('refuses a 10 MB form by its length, and a streamed body once it passes the cap (413)', async () => {
    const head = `POST /login HTTP/1.1\r\nHost: x\r\nOrigin: ${app.url}\r\nContent-Type: application/x-www-form-urlencoded\r\n`
    expect(await rawExchange(`${head}Content-Length: 10000000\r\n\r\nx=aaaa`)).toMatch(/^HTTP\/1\.1 413/)
    const chunk = 'a'.repeat(16_384)
    const chunked = Array.from({ length: 10 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('')
    expect(await rawExchange(`${head}Transfer-Encoding: chunked\r\n\r\n${chunked}0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 413/)
  })
})

describe('1b. the deck import alone takes a file, under its own cap', () => {
  const upload = (size: number) =>
    `--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="deck.apkg"\r\nContent-Type: application/octet-stream\r\n\r\n${'\u00ff'.repeat(size)}\r\n--XYZ--\r\n`
  const multipart = { 'Content-Type': 'multipart/form-data; boundary=XYZ' }

  it('lets a file through to /decks/import (the route then asks who is importing), refuses one anywhere else', async () => {
    const res = await post('/decks/import', upload(10_000), { headers: multipart })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(/^\/login/)
    expect((await post('/classes', upload(10_000), { headers: multipart })).status).toBe(415)
  })

  it('refuses an upload past 3 MiB by its length and while it streams (413), before parsing', async () => {
    const head = `POST /decks/import HTTP/1.1\r\nHost: x\r\nOrigin: ${app.url}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n`
    expect(await rawExchange(`${head}Content-Length: ${4 * 1024 * 1024}\r\n\r\n--XYZ`)).toMatch(/^HTTP\/1\.1 413/)
    // Streamed without a length: cut off once it passes the cap (a raw socket: the server closes mid-body).
    const chunk = 'a'.repeat(65_536)
    const chunked = Array.from({ length: 50 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('')
    expect(await rawExchange(`${head}Transfer-Encoding: chunked\r\n\r\n${chunked}0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 413/)
  })

  it('says so in the signed-in learner’s language from their settings, with no language cookie and an English browser', async () => {
    const { cookie } = await signUp('instructor')
    const head = `POST /decks/import HTTP/1.1\r\nHost: x\r\nOrigin: ${app.url}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nAccept-Language: en-US,en\r\n`
    const sized = `Content-Length: ${4 * 1024 * 1024}\r\n\r\n--XYZ`
    expect(await rawExchange(`${head}Cookie: ${cookie}\r\n${sized}`)).toContain('The file is larger than 2 MB.')
    const tokenHash = createHash('sha256').update(cookie.split('=')[1]!).digest('base64url')
    await sql(`update user_settings set ui_language = 'zh-Hans' where user_id = (select user_id from sessions where token_hash = ?)`, [
      tokenHash,
    ])
    expect(await rawExchange(`${head}Cookie: ${cookie}\r\n${sized}`)).toContain('文件超过 2 MB。')
    // The language cookie still wins, as on every page.
    expect(await rawExchange(`${head}Cookie: ${cookie}; sd_lang=en\r\n${sized}`)).toContain('The file is larger than 2 MB.')
  })
})

describe('2. absolute links come from PUBLIC_URL, never from the Host header', () => {
  it('mails a reset link on the public origin to a request for another host', async () => {
    const { email } = await signUp()
    const res = await rawRequest(
      'POST',
      '/forgot-password',
      { Host: 'attacker.example', Origin: app.url, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': newAddress() },
      new URLSearchParams({ email }).toString(),
    )
    expect(res.status).toBe(200)
    const mail = mailedLinks().find((m) => m.to === email)
    expect(mail?.link.startsWith(`${app.url}/reset-password/`)).toBe(true)
    expect(mail?.link).not.toContain('attacker.example')
  })

  it('refuses to start in production without PUBLIC_URL, saying what to set', async () => {
    const child = spawn(process.execPath, ['build/server.js'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_URL: '', PORT: String(testPort(3342)), DATABASE_URL: dbUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain('PUBLIC_URL is not set')
  })
})

describe('3. redirects after sign-in stay on this origin', () => {
  it.each([
    ['/\t/evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/..//evil.example', '/'],
    ['/x\u0000y', '/'],
    ['https://evil.example/', '/'],
    ['/日本?q=ü', '/%E6%97%A5%E6%9C%AC?q=%C3%BC'],
    ['/decks/all/study?x=1', '/decks/all/study?x=1'],
  ])('next=%j goes to %s', async (next, location) => {
    const res = await post('/signup', {
      displayName: 'R',
      email: `r-${randomUUID()}@example.org`,
      password: PASSWORD,
      role: 'student',
      next,
    })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(location)
  })

  it('a signed-in visit to /login?next=/%09/evil.example stays here', async () => {
    const { cookie } = await signUp()
    const res = await get('/login?next=/%09/evil.example', cookie)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/')
  })
})

describe('4. sign-in throttling', () => {
  it('counts before hashing: of 20 parallel wrong guesses at most the free ones are checked', async () => {
    const { email } = await signUp()
    const address = newAddress()
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post('/login', { email, password: 'wrong password!!' }, { address })),
    )
    const seconds = (performance.now() - started) / 1000
    const statuses = results.map((r) => r.status)
    // Five free tries and the sixth, which starts the ladder of waits (1 s, 2 s, 4 s …). On a busy machine the
    // batch can outlast some of them: within T seconds at most floor(log2(T + 1)) more get through, never all
    // twenty as when the count came after hashing.
    const checked = statuses.filter((s) => s === 401).length
    const seen = `statuses ${statuses.join(',')} in ${seconds.toFixed(1)} s`
    expect(checked, seen).toBeGreaterThanOrEqual(6)
    expect(checked, seen).toBeLessThanOrEqual(6 + Math.floor(Math.log2(seconds + 1)))
    expect(checked + statuses.filter((s) => s === 429).length, seen).toBe(20)
  })

  it('slows guessing down but lets the owner in after a short wait', async () => {
    const { email } = await signUp()
    for (let i = 0; i < 6; i++) expect((await post('/login', { email, password: 'wrong password!!' })).status).toBe(401)
    const waiting = await post('/login', { email, password: PASSWORD })
    expect(waiting.status).toBe(429)
    expect(Number(waiting.headers.get('retry-after'))).toBeLessThanOrEqual(2)
    await new Promise((r) => setTimeout(r, 1_100))
    expect((await post('/login', { email, password: PASSWORD })).status).toBe(302)
  })

  it('without TRUST_PROXY, X-Forwarded-For neither bypasses the per-address limit nor names anyone else', async () => {
    let last = 0
    for (let i = 0; i < 51; i++) {
      const res = await post(
        '/login',
        { email: `nobody${i}@example.org`, password: 'whatever password' },
        { target: direct, address: `203.0.113.${i}` },
      )
      last = res.status
    }
    expect(last).toBe(429)
  })

  it('behind a proxy, only the hop it vouches for counts: forged leftmost entries do not rotate the limit', async () => {
    const client = newAddress()
    let last = 0
    for (let i = 0; i < 51; i++) {
      const res = await post(
        '/login',
        { email: `nobody${i}@example.org`, password: 'whatever password' },
        { address: `10.9.${i}.1, ${client}` },
      )
      last = res.status
    }
    expect(last).toBe(429)
    // Another client behind the same proxy is untouched.
    expect(
      (await post('/login', { email: 'nobody@example.org', password: 'whatever password' }, { address: `${client}, ${newAddress()}` }))
        .status,
    ).toBe(401)
  })

  it('rate-limits sign-up per address (a taken e-mail is said so, but probing is slow)', async () => {
    const { email } = await signUp()
    const address = newAddress()
    const statuses: number[] = []
    for (let i = 0; i < 31; i++)
      statuses.push((await post('/signup', { displayName: 'P', email, password: PASSWORD, role: 'student' }, { address })).status)
    expect(statuses.slice(0, 30).every((s) => s === 409)).toBe(true)
    expect(statuses[30]).toBe(429)
  })
})

describe('5. reset tokens', () => {
  it('a reset ends every other reset link of the user', async () => {
    const { email } = await signUp()
    const address = newAddress()
    for (let i = 0; i < 2; i++) expect((await post('/forgot-password', { email }, { address })).status).toBe(200)
    const [older, newer] = mailedLinks()
      .filter((m) => m.to === email)
      .map((m) => new URL(m.link).pathname)
    const fields = { password: 'a brand new password', confirm: 'a brand new password' }
    expect((await post(newer!, fields)).headers.get('location')).toBe('/login?reset=1')
    const reused = await post(older!, { password: 'an attacker password', confirm: 'an attacker password' })
    expect(reused.status).toBe(400)
    expect((await post('/login', { email, password: 'an attacker password' })).status).toBe(401)
  })

  it('rate-limits reset requests per address', async () => {
    const address = newAddress()
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post('/forgot-password', { email: `flood${i}@example.org` }, { address }).then((r) => r.status)),
    )
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20)
  })
})

describe('6. headers', () => {
  it('sends HSTS in production', async () => {
    expect((await get('/')).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/)
  })

  it('marks every signed-in page and every .data response no-store', async () => {
    const { cookie } = await signUp()
    for (const page of ['/', '/account', '/decks/kinds/study', '/settings', '/quiz', '/classes']) {
      expect((await get(page, cookie)).headers.get('cache-control'), page).toBe('no-store')
    }
    expect((await get('/decks/kinds/study.data', cookie)).headers.get('cache-control')).toBe('no-store')
    expect((await get('/decks/kinds/study.data')).headers.get('cache-control')).toBe('no-store')
  })
})

describe('6b. request targets and static files (the node:http pipeline, in place of Express)', () => {
  it('answers a target that is not a path, or a path that does not decode, with 400 and no page', async () => {
    for (const target of ['*', 'http://evil.example/decks', '/%E0%A4%A']) {
      const reply = await rawExchange(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
      expect(reply.split('\r\n')[0], target).toBe('HTTP/1.1 400 Bad Request')
      expect(reply, target).not.toContain('<html')
    }
  })

  it('answers methods other than GET, HEAD and POST with 405 and runs no action', async () => {
    const { email, cookie } = await signUp()
    const form = 'desiredRetention=0.75&newPerDay=7&maxReviewsPerDay=200&uiLanguage=en&cardLanguage=both&timeZone=UTC'
    for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS']) {
      const res = await rawRequest(
        method,
        '/settings',
        {
          Origin: app.url,
          Cookie: cookie,
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': newAddress(),
        },
        method === 'TRACE' ? '' : form,
      )
      expect(res.status, method).toBe(405)
      expect(res.headers.allow, method).toBe('GET, HEAD, POST')
      expect(res.headers['x-content-type-options'], method).toBe('nosniff')
    }
    const { rows } = await sql('select s.new_per_day from user_settings s join users u on u.id = s.user_id where u.email = ?', [email])
    expect(rows.map((r) => r.new_per_day)).not.toContain(7)
    // The same form as a POST is taken: the refusals above were the method's, not the form's.
    expect((await post('/settings', form, { cookie })).headers.get('location')).toMatch(/^\/settings/)
    const after = await sql('select s.new_per_day from user_settings s join users u on u.id = s.user_id where u.email = ?', [email])
    expect(after.rows[0]?.new_per_day).toBe(7)
  })

  it('answers a POST to a page without an action, or to no page, with 405 without logging a stack each time', async () => {
    const cookie = (await signUp()).cookie
    const logged = app.errors().length
    for (const [pathname, status] of [
      ['/cards', 405],
      ['/no-such-page', 405],
    ] as const) {
      for (let i = 0; i < 3; i++) expect((await post(pathname, { x: '1' }, { cookie })).status, pathname).toBe(status)
    }
    const since = app.errors().slice(logged)
    expect(since).not.toMatch(/did not provide an `?action|No route matches|ErrorResponseImpl|at \S+ \(/)
  })

  it('keeps a static file’s own refusals (416, 412) as they are, without the file’s year of caching', async () => {
    const html = await (await get('/')).text()
    const asset = html.match(/\/assets\/[\w.-]+\.js/)![0]
    const ok = await fetch(app.url + asset)
    expect(ok.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const range = await fetch(app.url + asset, { headers: { Range: 'bytes=99999999-' } })
    expect(range.status).toBe(416)
    expect(range.headers.get('content-range')).toMatch(/^bytes \*\/\d+$/)
    expect(range.headers.get('cache-control')).toBeNull()
    expect(range.headers.get('x-content-type-options')).toBe('nosniff')
    const precondition = await fetch(app.url + asset, { headers: { 'If-Match': '"not-this-file"' } })
    expect(precondition.status).toBe(412)
    expect(precondition.headers.get('cache-control')).toBeNull()
  })
})

describe('7. content types', () => {
  const bodies: Array<[string, string, string]> = [
    ['text/plain', 'text/plain', 'email=a@example.org&password=x'],
    ['JSON', 'application/json', '{"email":"a@example.org","password":"x"}'],
    ['multipart without a boundary', 'multipart/form-data', 'email=a'],
    ['broken multipart', 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org'],
    [
      'multipart with a file',
      'multipart/form-data; boundary=XYZ',
      '--XYZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n--XYZ--\r\n',
    ],
    ['deeply nested names', 'application/x-www-form-urlencoded', 'a[b][c][d][e][f][g]=1&a.b.c.d.e.f=1'],
    ['prototype names', 'application/x-www-form-urlencoded', '__proto__[polluted]=1&constructor.prototype.x=1'],
  ]
  const routes = [
    '/login',
    '/signup',
    '/forgot-password',
    '/reset-password/x',
    '/settings',
    '/decks/kinds/study',
    '/quiz',
    '/language',
    '/logout',
    '/account',
    '/classes',
  ]
  it.each(bodies)('%s gives 400 or 415 on every form route, never 500', async (_name, type, body) => {
    for (const route of routes) {
      const res = await post(route, body, { headers: { 'Content-Type': type } })
      expect([400, 415], `${route}: ${res.status}`).toContain(res.status)
    }
  })

  it('still accepts a well-formed multipart form', async () => {
    const body =
      '--XYZ\r\nContent-Disposition: form-data; name="lang"\r\n\r\nen\r\n--XYZ\r\nContent-Disposition: form-data; name="redirectTo"\r\n\r\n/quiz\r\n--XYZ--\r\n'
    const res = await post('/language', body, { headers: { 'Content-Type': 'multipart/form-data; boundary=XYZ' } })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/quiz')
  })
})

describe('8. guests are created at their first write, not by reading', () => {
  it('cookie-less GETs of study, settings and quiz pages create no user, session or settings', async () => {
    const count = async () =>
      (await sql('select (select count(*) from users) + (select count(*) from sessions) + (select count(*) from user_settings) as n'))
        .rows[0]!.n
    const before = await count()
    for (const page of ['/decks/kinds/study', '/settings', '/quiz', '/decks/kinds/study?reveal=1']) {
      const res = await get(page)
      expect(res.status, page).toBe(200)
      expect(sessionCookie(res), page).toBeNull()
      await res.text()
    }
    expect(await count()).toBe(before)
  })

  it('the first answer creates the guest and its cookie', async () => {
    const page = await (await get('/decks/all/study?reveal=1')).text()
    const reviewId = page.match(/name="reviewId" value="([^"]+)"/)![1]!
    const itemId = page.match(/name="itemId" value="([^"]+)"/)![1]!
    const res = await post('/decks/all/study', { intent: 'review', reviewId, itemId, rating: '3' })
    expect(res.status).toBe(302)
    const cookie = sessionCookie(res)
    expect(cookie).not.toBeNull()
    expect((await sql('select count(*) as n from review_logs where id = ?', [reviewId])).rows[0]!.n).toBe(1)
  })
})

describe('9. slow bodies', () => {
  it('drops a socket that trickles its body past the request timeout', async () => {
    const url = new URL(app.url)
    const socket = connect(Number(url.port), url.hostname)
    socket.write(
      `POST /login HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${app.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=`,
    )
    const trickle = setInterval(() => socket.writable && socket.write('a'), 500)
    let reply = ''
    socket.on('data', (c: Buffer) => (reply += c.toString()))
    socket.on('error', () => {})
    const closed = await new Promise<boolean>((resolve) => {
      socket.on('close', () => resolve(true))
      setTimeout(() => resolve(false), 10_000)
    })
    clearInterval(trickle)
    socket.destroy()
    expect(closed).toBe(true)
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
  })
})

describe('10 and 11. instructor exports and dashboard', () => {
  it('quotes every CSV field, and shows wrong answers like "constructor" as typed', async () => {
    const address = newAddress()
    const teacher = await signUp('instructor', 'Teacher', address)
    const created = await post('/classes', { intent: 'create', name: 'Safety' }, { cookie: teacher.cookie })
    const classPath = created.headers.get('location')!
    const classPage = await (await get(classPath, teacher.cookie)).text()
    const code = classPage.match(/class="join-code">([A-Z0-9]+)</)![1]!
    expect(classPage).toContain(`${app.url}/join/${code}`)
    const student = await signUp('student', 'x;=1+2;', address)
    expect((await post(`/join/${code}`, {}, { cookie: student.cookie })).status).toBe(302)
    const assigned = await post(
      classPath,
      { intent: 'create-assignment', title: 'Kinds', deckId: 'kinds', dueDate: '2099-12-31', goal: 'memory', targetRecall: '0.85' },
      { cookie: teacher.cookie },
    )
    const assignmentPath = assigned.headers.get('location')!
    for (const response of ['constructor', '__proto__', 'toString']) {
      const res = await post(
        '/decks/kinds/study',
        { intent: 'review', reviewId: randomUUID(), itemId: 'kd-typed-meeting-day', rating: '1', response },
        { cookie: student.cookie },
      )
      expect(res.status).toBe(302)
    }
    const dashboard = await (await get(assignmentPath, teacher.cookie)).text()
    expect(dashboard).not.toContain('native code')
    // Each is shown as the text typed (quoted), never looked up as a property.
    for (const typed of ['constructor', '__proto__', 'toString']) expect(dashboard).toContain(`<q>${typed}</q> (1)`)
    const csv = await (await get(`${assignmentPath}/export.csv`, teacher.cookie)).text()
    const row = csv.split('\r\n').find((l) => l.includes('x;=1+2;'))!
    expect(row.startsWith('"x;=1+2;","')).toBe(true)
    expect(row.split('","').length).toBe(12) // every column quoted: 9 progress columns and 3 quiz-score columns
  })
})

describe('12. CSRF without an Origin header', () => {
  it('falls back to Sec-Fetch-Site, then Referer', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(app.url + '/language', {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: 'lang=en&redirectTo=/',
      })
    expect((await send({ Referer: 'http://evil.example/page' })).status).toBe(403)
    expect((await send({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await send({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403)
    expect((await send({ 'Sec-Fetch-Site': 'cross-site', Referer: `${app.url}/` })).status).toBe(403)
    expect((await send({ Referer: `${app.url}/settings` })).status).toBe(302)
    expect((await send({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(302)
  })
})

describe('13. sessions', () => {
  const accountPage = (cookie: string) => get('/account', cookie).then((r) => ({ status: r.status, location: r.headers.get('location') }))
  const tokenHashOf = async (cookie: string) => {
    const { createHash } = await import('node:crypto')
    return createHash('sha256').update(cookie.split('=')[1]!).digest('base64url')
  }

  it('an account session lasts 30 days at most (cookie and server)', async () => {
    const res = await post('/signup', { displayName: 'L', email: `l-${randomUUID()}@example.org`, password: PASSWORD, role: 'student' })
    expect(res.headers.getSetCookie().join()).toContain('Max-Age=2592000')
    const cookie = sessionCookie(res)!
    expect((await accountPage(cookie)).status).toBe(200)
    await sql('update sessions set expires_at = ? where token_hash = ?', [Date.now() - 1, await tokenHashOf(cookie)])
    expect((await accountPage(cookie)).location).toMatch(/^\/login/)
  })

  it('ends after 7 idle days', async () => {
    const { cookie } = await signUp()
    await sql('update sessions set last_seen_at = ? where token_hash = ?', [
      Date.now() - 7 * 86_400_000 - 60_000,
      await tokenHashOf(cookie),
    ])
    const res = await get('/account', cookie)
    expect(res.headers.get('location')).toMatch(/^\/login/)
    expect(res.headers.getSetCookie().join()).toMatch(/sd_session=; Path=\/; Max-Age=0/)
  })

  it('signs out everywhere from /account', async () => {
    const { email, cookie } = await signUp()
    const other = sessionCookie(await post('/login', { email, password: PASSWORD }))!
    const res = await post('/account', { session: 'all' }, { cookie })
    expect(res.status).toBe(302)
    expect((await accountPage(cookie)).location).toMatch(/^\/login/)
    expect((await accountPage(other)).location).toMatch(/^\/login/)
  })
})
