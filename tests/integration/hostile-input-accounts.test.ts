/** Property tests for the account, class and quiz actions: random and malformed input never gives a 5xx or a stray write. */
import fc from 'fast-check'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { assignments, classMembers, classes, quizAnswers, quizAttempts, sessions, users } from '../../db/schema'
import { action as accountAction } from '~/routes/account'
import { action as classAction } from '~/routes/class'
import { action as classesAction } from '~/routes/classes'
import { action as forgotAction } from '~/routes/forgot-password'
import { action as joinAction } from '~/routes/join'
import { action as loginAction } from '~/routes/login'
import { action as quizAction } from '~/routes/quiz'
import { action as quizAnswerAction } from '~/routes/quiz-attempt'
import { action as resetAction } from '~/routes/reset-password'
import { action as signupAction } from '~/routes/signup'
import { createClass, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, settle } from '../support/routes'

const odd = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e9',
    'NaN',
    '\u0000',
    '\u202e',
    '𠮷',
    '３',
    'a@b',
    'instructor',
    'create',
    'join',
    'archive',
    'remove-student',
    'create-assignment',
    'others',
  ),
  fc.string({ minLength: 500, maxLength: 3000 }),
)
const fields = (names: string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), odd, { maxKeys: 9 })
const counts = async (db: Awaited<ReturnType<typeof freshDatabase>>) =>
  Object.fromEntries(
    await Promise.all(
      Object.entries({ users, classes, classMembers, assignments, quizAttempts, quizAnswers }).map(async ([k, table]) => [
        k,
        (await db.select({ n: count() }).from(table))[0]!.n,
      ]),
    ),
  )

describe('hostile input to account, class and quiz actions', () => {
  it('never answers 5xx and never writes what the form did not validly ask for', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const student = await signUp('student')
    const classId = await createClass(teacher.cookie)
    const started = await call(quizAction, formRequest('/quiz', { deckId: 'dates', count: '2' }, student.cookie), {})
    const attemptId = started.location!.split('/').pop()!
    const before = await counts(db)
    const sessionsBefore = (await db.select({ n: count() }).from(sessions))[0]!.n
    const cases: Array<[string, string[], (f: Record<string, string>) => Promise<unknown>]> = [
      [
        'signup',
        ['displayName', 'email', 'password', 'role', 'next'],
        async (f) => signupAction(await args(formRequest('/signup', f), {})),
      ],
      ['login', ['email', 'password', 'next'], async (f) => loginAction(await args(formRequest('/login', f), {}))],
      ['forgot', ['email'], async (f) => forgotAction(await args(formRequest('/forgot-password', f), {}))],
      ['reset', ['password', 'confirm'], async (f) => resetAction(await args(formRequest('/reset-password/x', f), { token: 'x' }))],
      ['account', ['session'], async (f) => accountAction(await args(formRequest('/account', f, student.cookie), {}))],
      ['classes', ['intent', 'name', 'code'], async (f) => classesAction(await args(formRequest('/classes', f, student.cookie), {}))],
      [
        'class',
        ['intent', 'userId', 'title', 'deckId', 'source', 'category', 'tag', 'dueDate', 'goal', 'targetRecall', 'targetScore'],
        async (f) =>
          classAction(
            await args(formRequest(`/classes/${classId}`, f.intent === 'archive' ? { ...f, intent: 'x' } : f, teacher.cookie), { classId }),
          ),
      ],
      [
        'join',
        ['code'],
        async (f) =>
          joinAction(await args(formRequest(`/join/${encodeURIComponent(f.code ?? 'X')}`, f, student.cookie), { code: f.code ?? 'X' })),
      ],
      [
        'quiz setup',
        ['deckId', 'source', 'category', 'tag', 'count', 'timeLimitMinutes', 'assignmentId'],
        async (f) => quizAction(await args(formRequest('/quiz', f, student.cookie), {})),
      ],
      [
        'quiz answer',
        ['position', 'response', 'order-0', 'match-0', 'side-0'],
        async (f) =>
          quizAnswerAction(
            await args(formRequest(`/quiz/${attemptId}`, { ...f, position: f.position ?? '9' }, student.cookie), { attemptId }),
          ),
      ],
    ]
    for (const [name, names, call] of cases) {
      await fc.assert(
        fc.asyncProperty(fields(names), async (f) => {
          const res = await settle(call(f))
          expect(res.status, name).toBeLessThan(500)
        }),
        { numRuns: 40 },
      )
    }
    // Any text at a real position is a (wrong) answer, so quiz answers may appear: at most one per question, bounded.
    const { quizAnswers: answersAfter, ...after } = await counts(db)
    const { quizAnswers: _answersBefore, ...rest } = before
    expect(after).toEqual(rest)
    expect(answersAfter).toBeLessThanOrEqual(2)
    for (const a of await db.select().from(quizAnswers)) expect(a.response.length).toBeLessThanOrEqual(2000)
    expect((await db.select({ n: count() }).from(sessions))[0]!.n).toBe(sessionsBefore)
  })
})
