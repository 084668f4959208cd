import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { assignmentItems, classMembers, classes, items, quizAttempts, reviewLogs } from '../../db/schema'
import type { Database } from '~/utils/db.server'
import type { Question } from '~/domain/questions'
import { loader as assignmentLoader } from '~/routes/assignment'
import { loader as exportLoader } from '~/routes/assignment-export'
import { action as classAction, loader as classLoader } from '~/routes/class'
import { action as classesAction } from '~/routes/classes'
import { loader as homeLoader } from '~/routes/home'
import { action as quizSetupAction } from '~/routes/quiz'
import { action as quizAnswerAction, loader as quizQuestionLoader } from '~/routes/quiz-attempt'
import { loader as quizResultLoader } from '~/routes/quiz-result'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { createAssignment, createClass, join, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, settle } from '../support/routes'

async function studyOne(cookie: string, deckId: string, rating = '3') {
  const page = await call<{ card: { itemId: string; reviewId: string } | null }>(
    studyLoader,
    getRequest(`/decks/${deckId}/study`, cookie),
    { deckId },
  )
  const card = page.body.card!
  await call(
    studyAction,
    formRequest(`/decks/${deckId}/study`, { intent: 'review', reviewId: card.reviewId, itemId: card.itemId, rating }, cookie),
    { deckId },
  )
  return card.itemId
}

/** A quiz on the assignment's deck with its first `right` questions answered right (flip date cards come as choices). */
async function takeAssignmentQuiz(db: Database, cookie: string, assignmentId: string, count: number, right: number) {
  const started = await call(quizSetupAction, formRequest('/quiz', { assignmentId, deckId: 'dates', count: String(count) }, cookie), {})
  const id = started.location!.split('/').pop()!
  const [attempt] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, id))
  for (let i = 0; i < count; i++) {
    const { body } = await call<{ position: number; question: Question }>(quizQuestionLoader, getRequest(`/quiz/${id}`, cookie), {
      attemptId: id,
    })
    if (body.question.kind !== 'choice') throw new Error(`expected a choice, got ${body.question.kind}`)
    const [item] = await db.select().from(items).where(eq(items.id, attempt!.itemIds[body.position]!))
    const index = body.question.options.findIndex((o) => o.en === item!.data.answer.en)
    const response = i < right ? index : (index + 1) % body.question.options.length
    await call(quizAnswerAction, formRequest(`/quiz/${id}`, { position: String(body.position), response: String(response) }, cookie), {
      attemptId: id,
    })
  }
  await call(quizResultLoader, getRequest(`/quiz/${id}/result`, cookie), { attemptId: id })
}

describe('classes and assignments', () => {
  it('an instructor creates a class; a student joins by code; the assignment comes first for the student', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie, 'Japan 2025–26')
    const [klass] = await db.select().from(classes)
    expect(klass).toMatchObject({ id: classId, name: 'Japan 2025–26' })
    expect(klass!.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: 'dates' })
    expect(await db.select({ n: count() }).from(assignmentItems).where(eq(assignmentItems.assignmentId, assignmentId))).toEqual([{ n: 6 }])

    const student = await signUp('student')
    expect((await join(student.cookie, klass!.joinCode)).location).toBe(`/?joined=${encodeURIComponent('Japan 2025–26')}`)
    expect((await join(student.cookie, klass!.joinCode)).status).toBe(302) // joining twice is harmless
    expect(await db.select({ n: count() }).from(classMembers)).toEqual([{ n: 1 }])

    const home = await settle<{
      assignments: Array<{ id: string; title: string; progress: { total: number; studied: number; met: boolean }; studyDeck: string }>
    }>(homeLoader(await args(getRequest('/', student.cookie), {})))
    expect(home.body.assignments).toHaveLength(1)
    expect(home.body.assignments[0]).toMatchObject({ id: assignmentId, studyDeck: 'dates', progress: { total: 6, studied: 0, met: false } })

    // In the "all" deck (dates and actors), assigned date items come first.
    const firstIds: string[] = []
    for (let i = 0; i < 3; i++) firstIds.push(await studyOne(student.cookie, 'all', '4'))
    expect(firstIds.every((id) => id.startsWith('mh-date-'))).toBe(true)
  })

  it('the dashboard reports per student and per item; CSV has the same numbers', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: 'dates' })
    const [klass] = await db.select().from(classes)
    const alice = await signUp('student', null, 'Alice')
    const bob = await signUp('student', null, 'Bob')
    await join(alice.cookie, klass!.joinCode)
    await join(bob.cookie, klass!.joinCode)
    await studyOne(alice.cookie, 'dates', '4')
    await studyOne(alice.cookie, 'dates', '1')
    const dash = await settle<{
      students: Array<{ name: string; started: number; reviews7d: number; recallOnDue: number; lastActive: number | null }>
      items: Array<{ itemId: string; answers: number; correctShare: number | null }>
      totalItems: number
    }>(
      assignmentLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}?sort=started&dir=desc`, teacher.cookie), {
          classId,
          assignmentId,
        }),
      ),
    )
    expect(dash.status).toBe(200)
    expect(dash.body.totalItems).toBe(6)
    expect(dash.body.students.map((s) => [s.name, s.started, s.reviews7d])).toEqual([
      ['Alice', 2, 2],
      ['Bob', 0, 0],
    ])
    expect(dash.body.students[0]!.recallOnDue).toBeGreaterThan(0)
    expect(dash.body.students[1]).toMatchObject({ recallOnDue: 0, lastActive: null })
    const answered = dash.body.items.filter((i) => i.answers > 0)
    expect(answered.map((i) => i.correctShare).sort()).toEqual([0, 1]) // Easy counts as right, Again as wrong
    const csv = await exportLoader(
      await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/export.csv`, teacher.cookie), { classId, assignmentId }),
    )
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      '"student","email","items_started","items_total","due_now","predicted_recall_on_due_date","reviews_7d","minutes_7d","last_active","best_quiz_score","latest_quiz_score","quizzes_taken"',
    )
    expect(lines.find((l) => l.startsWith('"Alice",'))).toMatch(/^"Alice","[^"]+","2","6",/)
    expect(lines).toHaveLength(3)
  })

  it("the dashboard and CSV give each student's best and latest quiz score", async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: 'dates', goal: 'quiz', targetScore: '0.8' })
    const [klass] = await db.select().from(classes)
    const alice = await signUp('student', null, 'Alice')
    const bob = await signUp('student', null, 'Bob')
    await join(alice.cookie, klass!.joinCode)
    await join(bob.cookie, klass!.joinCode)
    await takeAssignmentQuiz(db, alice.cookie, assignmentId, 4, 3) // 75%
    await takeAssignmentQuiz(db, alice.cookie, assignmentId, 4, 1) // 25%, the latest
    // A quiz outside the assignment does not count toward it.
    await call(quizSetupAction, formRequest('/quiz', { deckId: 'dates', count: '2' }, bob.cookie), {})
    const dash = await settle<{ students: Array<{ name: string; bestQuiz: number | null; latestQuiz: number | null; quizzes: number }> }>(
      assignmentLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}?sort=bestQuiz&dir=desc`, teacher.cookie), {
          classId,
          assignmentId,
        }),
      ),
    )
    expect(dash.body.students.map((s) => [s.name, s.bestQuiz, s.latestQuiz, s.quizzes])).toEqual([
      ['Alice', 0.75, 0.25, 2],
      ['Bob', null, null, 0],
    ])
    const csv = await exportLoader(
      await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/export.csv`, teacher.cookie), { classId, assignmentId }),
    )
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/"best_quiz_score","latest_quiz_score","quizzes_taken"$/)
    expect(lines.find((l) => l.startsWith('"Alice",'))).toMatch(/,"0\.75","0\.25","2"$/)
    expect(lines.find((l) => l.startsWith('"Bob",'))).toMatch(/,"","","0"$/)
  })

  it('commonest wrong answers are read as what they meant (the option, not its shuffled position), beside the statement tested', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: 'kinds' })
    const [klass] = await db.select().from(classes)
    const indexes: number[] = []
    for (const name of ['Ann', 'Ben', 'Cai']) {
      const student = await signUp('student', null, name)
      await join(student.cookie, klass!.joinCode)
      const url = '/decks/kinds/study?card=kd-choice-asean-chair'
      const page = await call<{ card: { itemId: string; reviewId: string; question: Question } }>(
        studyLoader,
        getRequest(url, student.cookie),
        { deckId: 'kinds' },
      )
      const { question, reviewId } = page.body.card
      if (question.kind !== 'choice') throw new Error('expected the choice card')
      const canada = question.options.findIndex((o) => o.en === 'Canada')
      indexes.push(canada)
      await call(
        studyAction,
        formRequest(
          url,
          { intent: 'review', reviewId, itemId: 'kd-choice-asean-chair', rating: '1', response: String(canada) },
          student.cookie,
        ),
        { deckId: 'kinds' },
      )
      const tf = await call<{ card: { reviewId: string } }>(
        studyLoader,
        getRequest('/decks/kinds/study?card=kd-true-false-overnight', student.cookie),
        { deckId: 'kinds' },
      )
      await call(
        studyAction,
        formRequest(
          '/decks/kinds/study',
          { intent: 'review', reviewId: tf.body.card.reviewId, itemId: 'kd-true-false-overnight', rating: '1', response: 'false' },
          student.cookie,
        ),
        { deckId: 'kinds' },
      )
    }
    // Wherever each shuffle put Canada, the dashboard counts one answer three times.
    expect(indexes.every((i) => i >= 0)).toBe(true)
    const dash = await settle<{
      items: Array<{ itemId: string; subject: { en: string } | null; commonWrong: Array<{ meaning: unknown; count: number }> }>
    }>(
      assignmentLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}`, teacher.cookie), { classId, assignmentId }),
      ),
    )
    const choice = dash.body.items.find((i) => i.itemId === 'kd-choice-asean-chair')!
    expect(choice.commonWrong).toEqual([{ meaning: { kind: 'option', option: { en: 'Canada', zh: '加拿大' } }, count: 3 }])
    expect(choice.subject).toBeNull()
    const trueFalse = dash.body.items.find((i) => i.itemId === 'kd-true-false-overnight')!
    expect(trueFalse.commonWrong).toEqual([{ meaning: { kind: 'truth', value: false }, count: 3 }])
    expect(trueFalse.subject?.en).toBe('Motegi took an overnight flight from Kuala Lumpur back to Tokyo.')
  })

  it('an instructor removes a student and archives a class, each only once confirmed; removed students cannot rejoin', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const [klass] = await db.select().from(classes)
    const student = await signUp('student', null, 'Mei Chen')
    await join(student.cookie, klass!.joinCode)
    const [member] = await db.select().from(classMembers)
    const removal = { intent: 'remove-student', userId: member!.userId }
    // The first post only asks: it names the student and writes nothing.
    const asked = await call<{ confirm: { kind: string; name: string } }>(
      classAction,
      formRequest(`/classes/${classId}`, removal, teacher.cookie),
      {
        classId,
      },
    )
    expect(asked.status).toBe(200)
    expect(asked.body.confirm).toMatchObject({ kind: 'remove-student', name: 'Mei Chen' })
    expect((await db.select().from(classMembers))[0]!.removedAt).toBeNull()
    // Asking about someone who is not in the class is refused at once.
    const stranger = await call(classAction, formRequest(`/classes/${classId}`, { ...removal, userId: 'nobody' }, teacher.cookie), {
      classId,
    })
    expect(stranger.status).toBe(404)
    const removed = await call(classAction, formRequest(`/classes/${classId}`, { ...removal, confirm: '1' }, teacher.cookie), { classId })
    expect(removed.status).toBe(302)
    expect((await db.select().from(classMembers))[0]!.removedAt).not.toBeNull()
    expect((await join(student.cookie, klass!.joinCode)).status).toBe(403)
    const archiveAsked = await call<{ confirm: { kind: string; students: number } }>(
      classAction,
      formRequest(`/classes/${classId}`, { intent: 'archive' }, teacher.cookie),
      { classId },
    )
    expect(archiveAsked.body.confirm).toEqual({ kind: 'archive', students: 0 })
    expect((await db.select().from(classes))[0]!.archivedAt).toBeNull()
    await call(classAction, formRequest(`/classes/${classId}`, { intent: 'archive', confirm: '1' }, teacher.cookie), { classId })
    expect((await db.select().from(classes))[0]!.archivedAt).not.toBeNull()
    expect((await join((await signUp('student')).cookie, klass!.joinCode)).status).toBe(404)
  })

  it.each([
    [{ title: '' }, 'title', 'errorAssignmentTitle'],
    [{ dueDate: 'next week' }, 'dueDate', 'errorDueDate'],
    [{ deckId: '' }, 'deckId', 'errorScope'],
    [{ deckId: 'nope' }, 'deckId', 'errorQuizDeck'],
    [{ targetRecall: '1.5' }, 'targetRecall', 'errorTargetRecall'],
    [{ goal: 'quiz' }, 'targetScore', 'errorTargetScore'],
  ])('refuses a bad assignment %o with a field message, writing nothing', async (override, field, message) => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const res = await settle<{ result: { error: Record<string, string[]> } }>(
      classAction(
        await args(
          formRequest(
            `/classes/${classId}`,
            {
              intent: 'create-assignment',
              title: 'T',
              deckId: 'dates',
              dueDate: '2099-01-01',
              goal: 'memory',
              targetRecall: '0.85',
              ...override,
            },
            teacher.cookie,
          ),
          { classId },
        ),
      ),
    )
    expect(res.status).toBe(400)
    expect(res.body.result.error[field]).toEqual([message])
    expect(await db.select({ n: count() }).from(assignmentItems)).toEqual([{ n: 0 }])
  })

  it('a student cannot create a class', async () => {
    const db = await freshDatabase()
    const student = await signUp('student')
    const res = await call(classesAction, formRequest('/classes', { intent: 'create', name: 'Mine' }, student.cookie), {})
    expect(res.status).toBe(403)
    expect(await db.select({ n: count() }).from(classes)).toEqual([{ n: 0 }])
  })
})

describe('authorization matrix', () => {
  it('every class route answers each kind of visitor correctly and leaks nothing', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const otherTeacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId)
    const [klass] = await db.select().from(classes)
    const student = await signUp('student')
    const otherStudent = await signUp('student')
    await join(student.cookie, klass!.joinCode)
    await studyOne(student.cookie, 'dates')
    const [member] = await db.select().from(classMembers)
    const actors: Record<string, string | null> = {
      anonymous: null,
      student: student.cookie,
      otherStudent: otherStudent.cookie,
      instructor: teacher.cookie,
      otherInstructor: otherTeacher.cookie,
    }
    const expected: Record<string, number> = { anonymous: 302, student: 404, otherStudent: 404, instructor: 200, otherInstructor: 404 }
    const routes = {
      'GET class': async (c: string | null) => classLoader(await args(getRequest(`/classes/${classId}`, c), { classId })),
      'GET dashboard': async (c: string | null) =>
        assignmentLoader(await args(getRequest(`/classes/${classId}/assignments/${assignmentId}`, c), { classId, assignmentId })),
      'GET csv': async (c: string | null) =>
        exportLoader(await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/export.csv`, c), { classId, assignmentId })),
      'POST new assignment': async (c: string | null) =>
        classAction(
          await args(
            formRequest(
              `/classes/${classId}`,
              { intent: 'create-assignment', title: 'X', deckId: 'all', dueDate: '2099-01-01', goal: 'memory', targetRecall: '0.85' },
              c,
            ),
            { classId },
          ),
        ),
      'POST archive': async (c: string | null) =>
        classAction(await args(formRequest(`/classes/${classId}`, { intent: 'noop' }, c), { classId })),
    }
    for (const [route, call] of Object.entries(routes)) {
      for (const [actor, cookie] of Object.entries(actors)) {
        const res = await settle<unknown>(call(cookie))
        const want = route.startsWith('POST') && actor === 'instructor' ? (route === 'POST archive' ? 400 : 302) : expected[actor]!
        expect(`${route} as ${actor}: ${res.status}`).toBe(`${route} as ${actor}: ${want}`)
        if (want === 302 && actor === 'anonymous') expect(res.location).toMatch(/^\/login\?next=/)
        if (want === 404) expect(JSON.stringify(res.body ?? '')).not.toMatch(/joinCode|student \d|@example\.org/)
      }
    }
    // Removing a student is the instructor's alone.
    for (const actor of ['student', 'otherStudent', 'otherInstructor'] as const) {
      const res = await call(
        classAction,
        formRequest(`/classes/${classId}`, { intent: 'remove-student', userId: member!.userId }, actors[actor]),
        { classId },
      )
      expect(res.status).toBe(404)
    }
    expect((await db.select().from(classMembers))[0]!.removedAt).toBeNull()
    // A student's own data only: the home page shows their assignments, and no one else's reviews.
    const otherHome = await call<{ assignments: unknown[] }>(homeLoader, getRequest('/', otherStudent.cookie), {})
    expect(otherHome.body.assignments).toEqual([])
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 1 }])
  })
})
