import { count, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cardStates, reviewLogs, sessions, users } from '../../db/schema'
import { action as accountAction, loader as accountLoader } from '~/routes/account'
import { action as forgotAction } from '~/routes/forgot-password'
import { action as loginAction } from '~/routes/login'
import { action as logoutAction } from '~/routes/logout'
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password'
import { action as signupAction } from '~/routes/signup'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { POLICIES } from '~/utils/throttle.server'
import { logMailer, setMailer } from '~/utils/mailer.server'
import { hashPassword, verifyPassword } from '~/utils/password.server'
import { getSessionUser } from '~/utils/session.server'
import { signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, cookieFrom, formRequest, getRequest, settle } from '../support/routes'

afterEach(() => setMailer(logMailer))
const who = (cookie: string | null) => getSessionUser(getRequest('/', cookie))
const login = (fields: Record<string, string>, clientAddress?: string) =>
  call<{ result: { error: Record<string, string[]> }; retryAfterSeconds?: number | null }>(
    loginAction,
    formRequest('/login', fields),
    {},
    clientAddress,
  )
const FREE = POLICIES.signInAccount.free

describe('passwords', () => {
  it('hashes with scrypt, verifies only the right password, and never stores the password', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(hash).not.toContain('correct horse')
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await hashPassword('correct horse battery')).not.toBe(hash) // salted
  })
})

describe('sign-up', () => {
  it("claims the guest's progress: the same user row becomes the account", async () => {
    const db = await freshDatabase()
    const page = await call<{ card: { itemId: string; reviewId: string } }>(studyLoader, getRequest('/decks/all/study'), { deckId: 'all' })
    const answered = await call(
      studyAction,
      formRequest('/decks/all/study', { intent: 'review', reviewId: page.body.card.reviewId, itemId: page.body.card.itemId, rating: '3' }),
      { deckId: 'all' },
    )
    const guestCookie = cookieFrom(answered.headers)!
    const guest = await who(guestCookie)
    const { cookie } = await signUp('student', guestCookie, 'Mei')
    const account = await who(cookie)
    expect(account).toMatchObject({ id: guest!.id, kind: 'account', displayName: 'Mei', role: 'student' })
    expect(await db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, account!.id))).toEqual([{ n: 1 }])
    expect(await db.select({ n: count() }).from(cardStates).where(eq(cardStates.userId, account!.id))).toEqual([{ n: 1 }])
    // The guest cookie no longer works: a new session id was issued at sign-up.
    expect(await who(guestCookie)).toBeNull()
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 1 }])
  })

  it('refuses a taken e-mail and bad fields, writing nothing', async () => {
    const db = await freshDatabase()
    const { email } = await signUp('student')
    const taken = await settle<{ result: { error: Record<string, string[]> } }>(
      signupAction(
        await args(formRequest('/signup', { displayName: 'X', email: email.toUpperCase(), password: 'long enough password' }), {}),
      ),
    )
    expect(taken.status).toBe(409)
    expect(taken.body.result.error['']).toEqual(['errorEmailTaken'])
    const bad = await settle<{ result: { error: Record<string, string[]> } }>(
      signupAction(await args(formRequest('/signup', { displayName: '', email: 'not-an-email', password: 'short', role: 'admin' }), {})),
    )
    expect(bad.status).toBe(400)
    expect(bad.body.result.error).toMatchObject({
      displayName: ['errorName'],
      email: ['errorEmail'],
      password: ['errorPasswordLength'],
      role: ['errorChoice'],
    })
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 1 }])
  })
})

describe('sign-in and sign-out', () => {
  it('signs in with a new session id (HttpOnly, SameSite=Lax), and sign-out revokes it', async () => {
    await freshDatabase()
    const { email } = await signUp('student')
    const res = await login({ email, password: 'correct horse battery' })
    expect(res.status).toBe(302)
    const setCookie = res.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/^sd_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly/)
    const cookie = setCookie.split(';')[0]!
    expect((await who(cookie))?.kind).toBe('account')
    await call(logoutAction, formRequest('/logout', {}, cookie), {})
    expect(await who(cookie)).toBeNull()
  })

  it(`slows down repeated failures with a growing delay after ${FREE}, and never locks the owner out for long`, async () => {
    await freshDatabase()
    const { email } = await signUp('student')
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-01T10:00:00Z') })
    try {
      for (let i = 0; i < FREE + 1; i++) {
        const wrong = await login({ email, password: 'wrong password!!' })
        expect(wrong.status).toBe(401)
        expect(wrong.body.result.error['']).toEqual(['errorBadCredentials'])
      }
      // The next try, right or wrong, waits a second; the one after a wrong try waits two.
      const blocked = await login({ email, password: 'correct horse battery' })
      expect(blocked.status).toBe(429)
      expect(blocked.headers.get('Retry-After')).toBe('1')
      expect(blocked.body.result.error['']).toEqual(['errorThrottled'])
      // The page says the same wait: the throttle's own delay, passed with the reply.
      expect(blocked.body.retryAfterSeconds).toBe(1)
      vi.advanceTimersByTime(1_000)
      expect((await login({ email, password: 'wrong password!!' })).status).toBe(401)
      const blockedAgain = await login({ email, password: 'correct horse battery' })
      expect([blockedAgain.headers.get('Retry-After'), blockedAgain.body.retryAfterSeconds]).toEqual(['2', 2])
      // The owner, once the short wait is over, signs in; that clears the count.
      vi.advanceTimersByTime(2_000)
      expect((await login({ email, password: 'correct horse battery' })).status).toBe(302)
      expect((await login({ email, password: 'wrong password!!' })).status).toBe(401)
    } finally {
      vi.useRealTimers()
    }
  })

  it('counts before hashing: of 20 parallel wrong guesses only the free ones are checked', async () => {
    await freshDatabase()
    const { email } = await signUp('student')
    // The clock stands still, so no wait can pass during the batch: exactly the free tries and the first slowed one.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-01T10:00:00Z') })
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => login({ email, password: 'wrong password!!' })))
      expect(results.filter((r) => r.status === 401)).toHaveLength(FREE + 1)
      expect(results.filter((r) => r.status === 429)).toHaveLength(20 - FREE - 1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('limits failures per client address, across e-mails, without touching other addresses', async () => {
    await freshDatabase()
    const limit = POLICIES.signInAddress.limit
    for (let i = 0; i < limit; i++)
      expect((await login({ email: `nobody${i}@example.org`, password: 'whatever password' }, '203.0.113.9')).status).toBe(401)
    expect((await login({ email: 'someone@example.org', password: 'whatever password' }, '203.0.113.9')).status).toBe(429)
    expect((await login({ email: 'someone@example.org', password: 'whatever password' }, '198.51.100.7')).status).toBe(401)
  }, 120_000) // many scrypt hashes / two demo seeds: slow on a loaded two-core machine, not a timing check

  it('gives the same answer for an unknown e-mail as for a wrong password', async () => {
    await freshDatabase()
    const res = await login({ email: 'ghost@example.org', password: 'whatever password' })
    expect(res.status).toBe(401)
    expect(res.body.result.error['']).toEqual(['errorBadCredentials'])
  })
})

describe('sessions', () => {
  it('lists your sessions and revokes the others', async () => {
    const db = await freshDatabase()
    const { email, cookie } = await signUp('student')
    const other = (await login({ email, password: 'correct horse battery' })).headers.get('Set-Cookie')!.split(';')[0]!
    const page = await settle<{ sessions: Array<{ id: string; current: boolean }> }>(
      accountLoader(await args(getRequest('/account', cookie), {})),
    )
    expect(page.body.sessions).toHaveLength(2)
    expect(page.body.sessions.filter((s) => s.current)).toHaveLength(1)
    expect(JSON.stringify(page.body)).not.toMatch(/token/i)
    const res = await call(accountAction, formRequest('/account', { session: 'others' }, cookie), {})
    expect(res.location).toBe('/account?revoked=1')
    expect(await who(other)).toBeNull()
    expect((await who(cookie))?.email).toBe(email)
    expect((await call(accountAction, formRequest('/account', { session: '../../etc' }, cookie), {})).status).toBe(400)
    // A session already ended (or someone else's) is not reported as signed out.
    const otherId = page.body.sessions.find((s) => !s.current)!.id
    const gone = await call<{ message: string }>(accountAction, formRequest('/account', { session: otherId }, cookie), {})
    expect(gone.status).toBe(404)
    expect(gone.body.message).toBe('errorSessionGone')
    expect(await db.select({ n: count() }).from(sessions)).toEqual([{ n: 2 }])
  })
})

describe('password reset', () => {
  it('mails a one-time link that sets a new password and ends every session', async () => {
    await freshDatabase()
    const { email, cookie } = await signUp('student')
    const sent: string[] = []
    setMailer({ sendPasswordReset: async (to, link) => void sent.push(`${to} ${link}`) })
    const ask = await call<{ sent: boolean }>(forgotAction, formRequest('/forgot-password', { email }), {})
    expect(ask.body.sent).toBe(true)
    const unknown = await call<{ sent: boolean }>(forgotAction, formRequest('/forgot-password', { email: 'ghost@example.org' }), {})
    expect(unknown.body.sent).toBe(true) // same answer: no account discovery
    expect(sent).toHaveLength(1)
    const token = sent[0]!.split('/reset-password/')[1]!
    const mismatch = await settle<{ result: { error: Record<string, string[]> } }>(
      resetAction(
        await args(formRequest(`/reset-password/${token}`, { password: 'a brand new password', confirm: 'something else entirely' }), {
          token,
        }),
      ),
    )
    expect(mismatch.body.result.error.confirm).toEqual(['errorPasswordsDiffer'])
    const done = await call(
      resetAction,
      formRequest(`/reset-password/${token}`, { password: 'a brand new password', confirm: 'a brand new password' }),
      { token },
    )
    expect(done.location).toBe('/login?reset=1')
    expect(await who(cookie)).toBeNull()
    expect((await login({ email, password: 'a brand new password' })).status).toBe(302)
    expect((await login({ email, password: 'correct horse battery' })).status).toBe(401)
    const reused = await settle<{ result: { error: Record<string, string[]> } }>(
      resetAction(
        await args(formRequest(`/reset-password/${token}`, { password: 'yet another password', confirm: 'yet another password' }), {
          token,
        }),
      ),
    )
    expect(reused.body.result.error['']).toEqual(['errorResetLink'])
  })

  it('says at once, when the link is opened, that it was used, has expired or is unknown (410), and shows the form only for a live one', async () => {
    await freshDatabase()
    const { email } = await signUp('student')
    const sent: string[] = []
    setMailer({ sendPasswordReset: async (_to, link) => void sent.push(link) })
    const linkState = async (token: string) => {
      const opened = await call<{ link: string }>(resetLoader, getRequest(`/reset-password/${token}`), { token })
      return `${opened.status} ${opened.body.link}`
    }
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-01T10:00:00Z') })
    try {
      await call(forgotAction, formRequest('/forgot-password', { email }), {})
      await call(forgotAction, formRequest('/forgot-password', { email }), {})
      const [first, second] = sent.map((link) => link.split('/reset-password/')[1]!)
      expect(await linkState(first!)).toBe('200 usable')
      expect(await linkState('not-a-token-we-sent')).toBe('410 unknown')
      const fields = { password: 'a brand new password', confirm: 'a brand new password' }
      expect((await call(resetAction, formRequest(`/reset-password/${first}`, fields), { token: first! })).location).toBe('/login?reset=1')
      // The link used, and the other one sent before it, which the reset ended too.
      expect(await linkState(first!)).toBe('410 used')
      expect(await linkState(second!)).toBe('410 used')
      await call(forgotAction, formRequest('/forgot-password', { email }), {})
      const third = sent[2]!.split('/reset-password/')[1]!
      vi.advanceTimersByTime(59 * 60_000)
      expect(await linkState(third)).toBe('200 usable')
      vi.advanceTimersByTime(2 * 60_000)
      expect(await linkState(third)).toBe('410 expired')
    } finally {
      vi.useRealTimers()
    }
  })
})
