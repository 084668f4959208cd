import { asc, count, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { formatLogins, seedDemo, SetupNeeded, studentEmail, type DemoLogins } from '../../db/seed-demo'
import {
  assignmentItems,
  assignments,
  cardStates,
  classes,
  classMembers,
  deckItems,
  items,
  reviewLogs,
  users,
  userSettings,
} from '../../db/schema'
import { rebuildCardStates, type LoggedReview, type RatingValue } from '~/domain/scheduling'
import { verifyPassword } from '~/utils/password.server'
import { cardFromRow, cardStatesFor, reviewLogFor } from '~/data/reviews.server'
import type { Database } from '~/utils/db.server'
import { freshDatabase } from '../support/db'

const NOW = Date.UTC(2026, 2, 15, 12, 0, 0) // fixed, so the history is the same on every run
const DAY = 86_400_000

async function counts(db: Database) {
  const n = async (table: Parameters<ReturnType<Database['select']>['from']>[0]) => (await db.select({ n: count() }).from(table))[0]!.n
  return {
    users: await n(users),
    settings: await n(userSettings),
    classes: await n(classes),
    members: await n(classMembers),
    assignments: await n(assignments),
    reviews: await n(reviewLogs),
    cards: await n(cardStates),
  }
}

/** Each student's log as (item, rating, time): what "the same data every run" means. */
async function history(db: Database) {
  return db
    .select({ email: users.email, itemId: reviewLogs.itemId, rating: reviewLogs.rating, reviewedAt: reviewLogs.reviewedAt })
    .from(reviewLogs)
    .innerJoin(users, eq(users.id, reviewLogs.userId))
    .orderBy(asc(users.email), asc(reviewLogs.reviewedAt))
}

describe('npm run seed:demo', () => {
  it('creates an instructor, a class with twelve students and their month of reviews, exactly as the app writes them', async () => {
    const db = await freshDatabase()
    const result = await seedDemo(db, { now: NOW, deckId: 'dates' })
    expect(result).toMatchObject({
      created: true,
      password: 'demo-password-2026',
      emails: { instructor: 'instructor@demo.sourcedeck.test' },
    })
    expect(result.emails.students).toEqual(Array.from({ length: 12 }, (_, i) => studentEmail(i)))
    expect(result.emails.students[0]).toBe('student01@demo.sourcedeck.test')
    expect(result.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)

    const c = await counts(db)
    expect(c).toMatchObject({ users: 13, settings: 13, classes: 1, members: 12, assignments: 1 })
    expect(result.reviews).toBe(c.reviews)

    const accounts = await db.select().from(users).orderBy(asc(users.email))
    expect(accounts.every((u) => u.kind === 'account' && u.passwordHash?.startsWith('scrypt$'))).toBe(true)
    expect(accounts.filter((u) => u.role === 'instructor').map((u) => [u.email, u.displayName])).toEqual([
      ['instructor@demo.sourcedeck.test', 'Demo Instructor'],
    ])
    expect(await verifyPassword('demo-password-2026', accounts[0]!.passwordHash!)).toBe(true)

    const [klass] = await db.select().from(classes)
    expect(klass).toMatchObject({
      id: result.classId,
      name: "Japan's diplomacy 2025–26 (demo)",
      joinCode: result.joinCode,
      archivedAt: null,
    })
    const [assignment] = await db.select().from(assignments)
    expect(assignment).toMatchObject({
      id: result.assignmentId,
      classId: result.classId,
      goal: 'memory',
      targetRecall: 0.85,
      scope: { deckId: 'dates' },
    })
    expect(assignment!.dueAt).toBeGreaterThan(NOW + 13 * DAY)
    expect(assignment!.dueAt).toBeLessThan(NOW + 15 * DAY)
    const assigned = await db.select({ n: count() }).from(assignmentItems)
    const inDeck = await db.select({ n: count() }).from(deckItems).where(eq(deckItems.deckId, 'dates'))
    expect(assigned).toEqual(inDeck)

    // Every student but the idle one (the twelfth) studied; the log replays to exactly the stored card states.
    const students = accounts.filter((u) => u.role === 'student')
    let studiedOthers = false
    for (const student of students) {
      const log = await reviewLogFor(db, student.id)
      if (student.email === studentEmail(11)) {
        expect(log).toEqual([])
        continue
      }
      expect(log.length, student.email!).toBeGreaterThan(0)
      expect(log.every((r) => r.reviewedAt < NOW && r.reviewedAt > NOW - 32 * DAY && r.undoneAt === null)).toBe(true)
      const rebuilt = rebuildCardStates(log.map((r): LoggedReview => ({ ...r, rating: r.rating as RatingValue })))
      const stored = new Map((await cardStatesFor(db, student.id)).map((row) => [row.itemId, cardFromRow(row)]))
      expect(stored).toEqual(rebuilt)
      if (log.some((r) => !r.itemId.startsWith('mh-date-'))) studiedOthers = true
    }
    expect(studiedOthers).toBe(true) // "a few others" beyond the assignment
    // Ratings spread over all four buttons; flip cards carry no response.
    const ratings = await db
      .select({ rating: reviewLogs.rating, n: count() })
      .from(reviewLogs)
      .groupBy(reviewLogs.rating)
      .orderBy(reviewLogs.rating)
    expect(ratings.map((r) => r.rating)).toEqual([1, 2, 3, 4])
    const flipWithResponse = await db
      .select({ n: count() })
      .from(reviewLogs)
      .innerJoin(items, eq(items.id, reviewLogs.itemId))
      .where(sql`${items.kind} = 'flip' and (${reviewLogs.response} is not null or ${reviewLogs.correct} is not null)`)
    expect(flipWithResponse).toEqual([{ n: 0 }])
  })

  it('running it again adds nothing and reports the same logins', async () => {
    const db = await freshDatabase()
    const first = await seedDemo(db, { now: NOW, deckId: 'dates' })
    const before = await counts(db)
    const again = await seedDemo(db, { now: NOW + DAY, deckId: 'dates' })
    expect(again).toMatchObject({
      created: false,
      classId: first.classId,
      assignmentId: first.assignmentId,
      joinCode: first.joinCode,
      emails: first.emails,
      studentNames: first.studentNames,
    })
    expect(await counts(db)).toEqual(before)
  })

  it('the same history every run (seeded), on any fresh database', async () => {
    const a = await freshDatabase()
    await seedDemo(a, { now: NOW, deckId: 'dates' })
    const first = await history(a)
    const b = await freshDatabase()
    await seedDemo(b, { now: NOW, deckId: 'dates' })
    expect(await history(b)).toEqual(first)
  }, 120_000) // many scrypt hashes / two demo seeds: slow on a loaded two-core machine, not a timing check

  it('refuses a database without content', async () => {
    const db = await freshDatabase()
    await db.delete(deckItems)
    await db.delete(items)
    await expect(seedDemo(db, { now: NOW })).rejects.toBeInstanceOf(SetupNeeded)
    expect((await counts(db)).users).toBe(0)
  })
})

describe('the printed logins', () => {
  const logins: DemoLogins = {
    created: false,
    password: 'pw',
    emails: { instructor: 'teacher@example.org', students: [] },
    studentNames: [],
    joinCode: 'ABCD2345',
    classId: 'c1',
    assignmentId: 'a1',
    reviews: 0,
  }
  const dashboard = (env: Record<string, string>) => formatLogins(logins, env).split('\n').slice(-2).join('\n')

  it('link the dashboard at PUBLIC_URL, else at PORT, and say when the address is only a guess', () => {
    expect(dashboard({ PUBLIC_URL: 'https://deck.example', PORT: '8080' })).toMatch(
      /^Dashboard: https:\/\/deck\.example\/classes\/c1\/assignments\/a1$/m,
    )
    expect(dashboard({ PORT: '4321' })).toMatch(/^Dashboard: http:\/\/localhost:4321\/classes\/c1\/assignments\/a1$/m)
    expect(dashboard({ PORT: '4321' })).not.toMatch(/guess|another address/)
    expect(dashboard({})).toMatch(/localhost:3000[\s\S]*Neither PUBLIC_URL nor PORT is set here/)
  })
})
