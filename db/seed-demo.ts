/**
 * `npm run seed:demo`: a demo class with an instructor, twelve students and a month of study history, for
 * local demos (never production). Needs a database that `npm run setup` has migrated and loaded.
 *
 * Everything goes through the app's own functions: createClass and createAssignment for the class, and
 * recordReview for every answer (with explicit, chronological `now` times), so the review log and the card
 * states are exactly what the app would have written. Ratings come from a seeded generator: the same
 * history on every run. Idempotent: when the demo instructor exists, it only prints the logins again.
 */
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { and, asc, count, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import type { ContentItem } from '~/domain/content/schema'
import { gradeResponse, isInteractive, sampleResponse } from '~/domain/questions'
import { retrievability, State, type RatingValue, type StoredCard } from '~/domain/scheduling'
import { endOfLocalDate, studyDayAt } from '~/domain/study-day'
import { createAssignment, createClass } from '~/data/classes.server'
import { hashPassword } from '~/utils/password.server'
import { parsePublicUrl } from '~/utils/public-url.server'
import { recordReview } from '~/data/reviews.server'
import { questionFor } from '~/data/questions.server'
import { openDatabase, type Database } from './client'
import { assignments, classes, classMembers, deckItems, items, users, userSettings } from './schema'

export const DEMO_PASSWORD = 'demo-password-2026'
export const DEMO_INSTRUCTOR_EMAIL = 'instructor@demo.sourcedeck.test'
export const DEMO_CLASS_NAME = "Japan's diplomacy 2025–26 (demo)"
export const DEMO_DECK_ID = 'timeline'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const HISTORY_DAYS = 30
/** Items from outside the assignment that the keener students also study. */
const EXTRA_ITEMS = 6
/** A session ends after this many answers (a quarter of an hour or so), whatever is still due. */
const MAX_SESSION_ANSWERS = 45

interface StudentProfile {
  name: string
  timeZone: string
  uiLanguage: 'en' | 'zh-Hans'
  /** Chance of a session on any day of their active period. */
  diligence: number
  /** Days ago they started, and stopped (0: still active). */
  from: number
  until: number
  newPerSession: number
  /** Scales how well they recall (1: typical). */
  skill: number
  /** Local hour their sessions usually start. */
  hour: number
}

/** Twelve students, from the daily to the idle. Index + 1 is their e-mail number. */
const STUDENTS: readonly StudentProfile[] = [
  {
    name: 'Li Wei 李伟',
    timeZone: 'Asia/Shanghai',
    uiLanguage: 'zh-Hans',
    diligence: 1,
    from: 30,
    until: 0,
    newPerSession: 3,
    skill: 1.05,
    hour: 20,
  },
  {
    name: 'Emma Clarke',
    timeZone: 'Europe/London',
    uiLanguage: 'en',
    diligence: 0.95,
    from: 29,
    until: 0,
    newPerSession: 3,
    skill: 1,
    hour: 18,
  },
  {
    name: 'Zhang Min 张敏',
    timeZone: 'Asia/Shanghai',
    uiLanguage: 'zh-Hans',
    diligence: 0.75,
    from: 28,
    until: 0,
    newPerSession: 4,
    skill: 0.95,
    hour: 21,
  },
  {
    name: 'Oliver Bennett',
    timeZone: 'Europe/London',
    uiLanguage: 'en',
    diligence: 0.5,
    from: 27,
    until: 0,
    newPerSession: 5,
    skill: 0.9,
    hour: 9,
  },
  {
    name: 'Chen Jing 陈静',
    timeZone: 'Asia/Shanghai',
    uiLanguage: 'zh-Hans',
    diligence: 0.85,
    from: 30,
    until: 2,
    newPerSession: 3,
    skill: 1,
    hour: 7,
  },
  {
    name: 'Sophie Hughes',
    timeZone: 'Europe/London',
    uiLanguage: 'en',
    diligence: 0.3,
    from: 25,
    until: 0,
    newPerSession: 8,
    skill: 0.85,
    hour: 22,
  },
  {
    name: 'Wang Hao 王浩',
    timeZone: 'Asia/Shanghai',
    uiLanguage: 'zh-Hans',
    diligence: 0.15,
    from: 30,
    until: 0,
    newPerSession: 6,
    skill: 0.8,
    hour: 13,
  },
  {
    name: 'Hannah Okafor',
    timeZone: 'Europe/London',
    uiLanguage: 'en',
    diligence: 0.6,
    from: 20,
    until: 0,
    newPerSession: 4,
    skill: 1,
    hour: 19,
  },
  {
    name: 'Liu Yang 刘洋',
    timeZone: 'Asia/Shanghai',
    uiLanguage: 'zh-Hans',
    diligence: 0.95,
    from: 26,
    until: 0,
    newPerSession: 3,
    skill: 0.8,
    hour: 22,
  },
  {
    name: 'James Whitfield',
    timeZone: 'Europe/London',
    uiLanguage: 'en',
    diligence: 1,
    from: 5,
    until: 0,
    newPerSession: 10,
    skill: 0.9,
    hour: 23,
  },
  {
    name: 'Zhao Xin 赵欣',
    timeZone: 'Asia/Shanghai',
    uiLanguage: 'zh-Hans',
    diligence: 0.4,
    from: 30,
    until: 12,
    newPerSession: 5,
    skill: 0.9,
    hour: 16,
  },
  {
    name: 'Tom Fletcher',
    timeZone: 'Europe/London',
    uiLanguage: 'en',
    diligence: 0,
    from: 0,
    until: 0,
    newPerSession: 0,
    skill: 1,
    hour: 12,
  },
]

export function studentEmail(index: number): string {
  return `student${String(index + 1).padStart(2, '0')}@demo.sourcedeck.test`
}

export interface DemoLogins {
  /** False when the demo already existed and nothing was written. */
  created: boolean
  classId: string
  assignmentId: string
  joinCode: string
  password: string
  emails: { instructor: string; students: string[] }
  /** Display names, parallel to emails.students. */
  studentNames: string[]
  reviews: number
}

export interface SeedOptions {
  /** The present: history lies in the 30 days before it, the assignment is due 14 days after. */
  now?: number
  /** The deck the assignment covers. */
  deckId?: string
}

/** Mulberry32 seeded from a string: a small, fast, reproducible generator. */
function prng(seed: string): () => number {
  let a = 2166136261
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 16777619)
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (rng: () => number, lo: number, hi: number) => lo + (hi - lo) * rng()

function localDate(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t))
}

export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<DemoLogins> {
  const now = options.now ?? Date.now()
  const deckId = options.deckId ?? DEMO_DECK_ID
  const [itemCount] = await db.select({ n: count() }).from(items)
  if (!itemCount?.n) throw new SetupNeeded()

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_INSTRUCTOR_EMAIL))
  if (existing) return existingDemo(db, existing.id)

  const studentEmails = STUDENTS.map((_, i) => studentEmail(i))
  const taken = await db.select({ email: users.email }).from(users).where(inArray(users.email, studentEmails))
  if (taken.length > 0) throw new Error(`These demo e-mails are already used by other accounts: ${taken.map((t) => t.email).join(', ')}`)

  // Accounts: created a little before the history starts.
  const createdAt = now - (HISTORY_DAYS + 2) * DAY
  const hashes = await Promise.all(Array.from({ length: STUDENTS.length + 1 }, () => hashPassword(DEMO_PASSWORD)))
  const instructorId = randomUUID()
  const studentIds = STUDENTS.map(() => randomUUID())
  const instructorTz = 'Asia/Shanghai'
  await db.batch([
    db.insert(users).values([
      {
        id: instructorId,
        kind: 'account',
        email: DEMO_INSTRUCTOR_EMAIL,
        displayName: 'Demo Instructor',
        passwordHash: hashes[0]!,
        role: 'instructor',
        createdAt,
      },
      ...STUDENTS.map((s, i) => ({
        id: studentIds[i]!,
        kind: 'account' as const,
        email: studentEmails[i]!,
        displayName: s.name,
        passwordHash: hashes[i + 1]!,
        role: 'student' as const,
        createdAt: createdAt + (i + 1) * 7 * MINUTE,
      })),
    ]),
    db
      .insert(userSettings)
      .values([
        { userId: instructorId, uiLanguage: 'en', timeZone: instructorTz },
        ...STUDENTS.map((s, i) => ({ userId: studentIds[i]!, uiLanguage: s.uiLanguage, timeZone: s.timeZone })),
      ]),
  ])

  // The class and the assignment, through the app's own functions (due at the end of the local day, as the form sets it).
  const klass = await createClass(db, instructorId, DEMO_CLASS_NAME)
  const assignment = await createAssignment(db, klass.id, {
    title: 'Timeline: dates to remember',
    scope: { deckId },
    dueAt: endOfLocalDate(localDate(now + 14 * DAY, instructorTz), instructorTz),
    goal: 'memory',
    targetRecall: 0.85,
    targetScore: null,
  })
  if (!assignment) throw new Error(`Deck "${deckId}" has no items: nothing to assign.`)
  // Backdate them to before the history, so the dashboard reads like a class that has been running a month.
  await db.batch([
    db
      .update(classes)
      .set({ createdAt: createdAt + HOUR })
      .where(eq(classes.id, klass.id)),
    db
      .update(assignments)
      .set({ createdAt: createdAt + 2 * HOUR })
      .where(eq(assignments.id, assignment.id)),
    db
      .insert(classMembers)
      .values(STUDENTS.map((_, i) => ({ classId: klass.id, userId: studentIds[i]!, joinedAt: createdAt + 3 * HOUR + i * 11 * MINUTE }))),
  ])

  const pool = await studyPool(db, deckId)
  let reviews = 0
  for (const [i, profile] of STUDENTS.entries())
    reviews += await simulateStudent(db, studentIds[i]!, profile, pool, prng(`sourcedeck-demo-${i + 1}`), now)

  return {
    created: true,
    classId: klass.id,
    assignmentId: assignment.id,
    joinCode: klass.joinCode,
    password: DEMO_PASSWORD,
    emails: { instructor: DEMO_INSTRUCTOR_EMAIL, students: studentEmails },
    studentNames: STUDENTS.map((s) => s.name),
    reviews,
  }
}

export class SetupNeeded extends Error {
  constructor() {
    super('Run npm run setup first.')
  }
}

async function existingDemo(db: Database, instructorId: string): Promise<DemoLogins> {
  const [klass] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.instructorId, instructorId), eq(classes.name, DEMO_CLASS_NAME)))
    .orderBy(asc(classes.createdAt))
    .limit(1)
  if (!klass)
    throw new Error(
      `The demo instructor ${DEMO_INSTRUCTOR_EMAIL} exists but has no class "${DEMO_CLASS_NAME}" (an interrupted run?). Delete that account or use a fresh database.`,
    )
  const [assignment] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(eq(assignments.classId, klass.id))
    .orderBy(asc(assignments.createdAt))
    .limit(1)
  const members = await db
    .select({ email: users.email, name: users.displayName })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(eq(classMembers.classId, klass.id), isNull(classMembers.removedAt)))
    .orderBy(asc(users.email))
  return {
    created: false,
    classId: klass.id,
    assignmentId: assignment?.id ?? '',
    joinCode: klass.joinCode,
    password: DEMO_PASSWORD,
    emails: { instructor: DEMO_INSTRUCTOR_EMAIL, students: members.map((m) => m.email ?? '') },
    studentNames: members.map((m) => m.name ?? ''),
    reviews: 0,
  }
}

interface PoolItem {
  item: ContentItem
  deckId: string
}

/** What the students study: the assigned items in deck order, then a few from another deck. */
async function studyPool(db: Database, deckId: string): Promise<{ assigned: PoolItem[]; extras: PoolItem[] }> {
  const assignedRows = await db
    .select({ data: items.data })
    .from(deckItems)
    .innerJoin(items, and(eq(items.id, deckItems.itemId), isNull(items.retiredAt)))
    .where(eq(deckItems.deckId, deckId))
    .orderBy(asc(deckItems.position))
  const assigned = assignedRows.map((r) => ({ item: r.data, deckId }))
  const ids = assigned.map((a) => a.item.id)
  const extraRows = await db
    .select({ data: items.data, deckId: deckItems.deckId })
    .from(deckItems)
    .innerJoin(items, and(eq(items.id, deckItems.itemId), isNull(items.retiredAt)))
    .where(and(sql`${deckItems.deckId} != ${deckId}`, ids.length > 0 ? notInArray(deckItems.itemId, ids) : sql`1`))
    .orderBy(asc(deckItems.deckId), asc(deckItems.position))
  // The first deck (alphabetically) that has items outside the assignment; a handful of its first items.
  const extraDeck = extraRows[0]?.deckId
  const extras = extraRows
    .filter((r) => r.deckId === extraDeck)
    .slice(0, EXTRA_ITEMS)
    .map((r) => ({ item: r.data, deckId: r.deckId }))
  return { assigned, extras }
}

/** Days ago → the start of that day's session for this learner (their local hour, a few minutes' jitter). */
function sessionStart(profile: StudentProfile, daysAgo: number, now: number, rng: () => number): number {
  const day = studyDayAt(now - daysAgo * DAY, profile.timeZone)
  const hour = (profile.hour - 4 + 24) % 24 // the study day starts at 04:00 local
  return day.start + hour * HOUR + Math.floor(between(rng, -40, 40) * MINUTE)
}

/** One learner's month: sessions on their study days, answering what the app would show, in order. */
async function simulateStudent(
  db: Database,
  userId: string,
  profile: StudentProfile,
  pool: { assigned: PoolItem[]; extras: PoolItem[] },
  rng: () => number,
  now: number,
): Promise<number> {
  if (profile.diligence === 0) return 0
  const cards = new Map<string, { card: StoredCard; entry: PoolItem }>()
  // Keen learners reach the extra items once they have started every assigned one (or dip into them early).
  const fresh = [...pool.assigned, ...(profile.diligence >= 0.6 ? pool.extras : pool.extras.slice(0, 2))]
  let written = 0
  for (let daysAgo = profile.from; daysAgo >= profile.until; daysAgo--) {
    if (rng() >= profile.diligence) continue
    let t = sessionStart(profile, daysAgo, now, rng)
    const sessionEnd = Math.min(now - MINUTE, t + 90 * MINUTE)
    if (t >= sessionEnd) continue
    let newLeft = Math.max(1, Math.round(profile.newPerSession * between(rng, 0.6, 1.3)))
    let answers = 0
    while (t < sessionEnd && answers < MAX_SESSION_ANSWERS) {
      // As the app does: learning and reviews due now first (earliest due), then new cards, then waiting
      // for a learning card due within 20 minutes rather than stopping early.
      let next: { card: StoredCard | null; entry: PoolItem } | null
      let earliest: { card: StoredCard; entry: PoolItem } | null = null
      for (const c of cards.values()) if (c.card.due <= t && (!earliest || c.card.due < earliest.card.due)) earliest = c
      if (earliest) next = earliest
      else if (newLeft > 0 && fresh.length > 0) {
        next = { card: null, entry: fresh.shift()! }
        newLeft--
      } else {
        let soon: number | null = null
        for (const c of cards.values())
          if (c.card.state !== State.Review && c.card.due <= t + 20 * MINUTE && (soon === null || c.card.due < soon)) soon = c.card.due
        if (soon === null) break
        t = soon + Math.floor(between(rng, 0, 30_000))
        continue
      }
      const answer = await answerFor(db, next.entry.item, next.card, profile, t, rng)
      const result = await recordReview(db, {
        userId,
        itemId: next.entry.item.id,
        deckId: next.entry.deckId,
        reviewId: answer.reviewId,
        rating: answer.rating,
        durationMs: answer.durationMs,
        now: t,
        response: answer.graded?.response,
      })
      if (result.status !== 'recorded') throw new Error(`demo review not recorded (${result.status}) for ${next.entry.item.id}`)
      cards.set(next.entry.item.id, { card: result.card, entry: next.entry })
      written++
      answers++
      t += answer.durationMs + Math.floor(between(rng, 1500, 6000))
    }
  }
  return written
}

/**
 * A plausible answer. Whether the learner remembers depends on the card: a never-seen card is mostly
 * unknown, a seen one is remembered with about its predicted recall, a little better the more often it
 * has been seen, scaled by the learner's skill. Interactive cards get a real response, graded by the app's
 * grader (so `correct` is what the server would store); flip cards have none.
 */
async function answerFor(db: Database, item: ContentItem, card: StoredCard | null, profile: StudentProfile, t: number, rng: () => number) {
  const reviewId = randomUUID()
  const reps = card?.reps ?? 0
  const seen = Math.min(reps, 6)
  const base = card === null || card.state === State.New ? 0.55 : retrievability(card, t)
  const pRecall = Math.min(0.97, Math.max(0.05, base * profile.skill + 0.025 * seen))
  let recalled = rng() < pRecall
  let graded: { response: string; correct: boolean } | undefined
  let durationMs: number
  if (isInteractive(item.kind)) {
    const question = await questionFor(db, item, reviewId)
    const response = sampleResponse(item, question, recalled, rng)
    const verdict = gradeResponse(item, question, response)
    recalled = verdict.correct
    graded = { response, correct: verdict.correct }
    durationMs = Math.round(between(rng, 8_000, 30_000) * (recalled ? 1 : 1.3))
  } else {
    durationMs = Math.round(between(rng, 3_000, 12_000) * (recalled ? 1 : 1.4))
  }
  let rating: RatingValue
  if (!recalled) rating = rng() < 0.93 ? 1 : 2
  else {
    const r = rng()
    const easy = 0.06 + 0.04 * seen
    const hard = Math.max(0.04, 0.2 - 0.03 * seen)
    rating = r < easy ? 4 : r < easy + hard ? 2 : 3
  }
  return { reviewId, rating, durationMs, graded }
}

/**
 * Where the printed dashboard link points: PUBLIC_URL (the address users open, which `npm start` requires), else
 * this machine on PORT. The seed often runs in another terminal than the server, so when neither is set here it
 * says the 3000 is a guess.
 */
export function demoOrigin(env: Record<string, string | undefined> = process.env): { origin: string; guessed: boolean } {
  if (env.PUBLIC_URL) return { origin: parsePublicUrl(env.PUBLIC_URL), guessed: false }
  return { origin: `http://localhost:${env.PORT || 3000}`, guessed: !env.PORT }
}

export function formatLogins(logins: DemoLogins, env: Record<string, string | undefined> = process.env): string {
  const { origin, guessed } = demoOrigin(env)
  const lines = [
    logins.created
      ? `Demo class created (${logins.reviews} reviews over the past ${HISTORY_DAYS} days).`
      : 'The demo already exists; nothing was changed.',
    '',
    `Password for every demo account: ${logins.password}`,
    `Instructor: ${logins.emails.instructor}`,
    `Students:   ${logins.emails.students.map((e, i) => `${e}  ${logins.studentNames[i] ?? ''}`.trimEnd()).join('\n            ')}`,
    `Class join code: ${logins.joinCode}`,
    `Dashboard: ${origin}/classes/${logins.classId}/assignments/${logins.assignmentId}`,
    ...(guessed ? ['(Neither PUBLIC_URL nor PORT is set here: if your server uses another address, open this path there.)'] : []),
  ]
  return lines.join('\n')
}

async function main() {
  const db = openDatabase()
  try {
    let hasItems = false
    try {
      hasItems = ((await db.select({ n: count() }).from(items))[0]?.n ?? 0) > 0
    } catch {
      hasItems = false // not migrated at all
    }
    if (!hasItems) {
      console.error('Run npm run setup first.')
      process.exitCode = 1
      return
    }
    // Thousands of small commits: in WAL mode NORMAL is still crash-safe and skips an fsync per commit. Only
    // this script's connection is affected (sequential calls reuse the pool's one idle connection).
    const journal = await db.$client.execute('PRAGMA journal_mode').catch(() => null)
    if (journal?.rows[0]?.journal_mode === 'wal') await db.$client.execute('PRAGMA synchronous=NORMAL')
    const started = performance.now()
    const logins = await seedDemo(db)
    console.log(formatLogins(logins))
    if (logins.created) console.log(`(${Math.round(performance.now() - started)} ms)`)
  } finally {
    db.$client.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
