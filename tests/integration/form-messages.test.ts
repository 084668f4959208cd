/** The remaining forms' bad input: each gets its field message and writes nothing. */
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { classMembers, classes, passwordResets } from '../../db/schema'
import { action as classesAction } from '~/routes/classes'
import { action as classAction } from '~/routes/class'
import { action as forgotAction } from '~/routes/forgot-password'
import { createClass, join, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, settle } from '../support/routes'

type Reply = { result: { error: Record<string, string[]> } }

describe('class forms', () => {
  it.each([
    [{ intent: 'create', name: '' }, 'name', 'errorClassName'],
    [{ intent: 'create', name: 'x'.repeat(81) }, 'name', 'errorClassName'],
  ])('refuses a class %o', async (fields, field, message) => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const res = await call<Reply>(classesAction, formRequest('/classes', fields, teacher.cookie), {})
    expect(res.status).toBe(400)
    expect(res.body.result.error[field]).toEqual([message])
    expect(await db.select({ n: count() }).from(classes)).toEqual([{ n: 0 }])
  })

  it.each([
    [{ intent: 'join', code: 'ab' }, 400, 'errorJoinCode'],
    [{ intent: 'join', code: 'code with spaces' }, 400, 'errorJoinCode'],
    [{ intent: 'join', code: 'ZZZZZZZZ' }, 404, 'errorNoClass'],
  ])('refuses a join code %o', async (fields, status, message) => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    await createClass(teacher.cookie)
    const student = await signUp('student')
    const res = await call<Reply>(classesAction, formRequest('/classes', fields, student.cookie), {})
    expect(res.status).toBe(status)
    expect(res.body.result.error.code).toEqual([message])
    expect(await db.select({ n: count() }).from(classMembers)).toEqual([{ n: 0 }])
  })

  it('accepts a join code typed in lower case and sends the student to confirm', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    await createClass(teacher.cookie)
    const [klass] = await db.select().from(classes)
    const student = await signUp('student')
    const res = await call(
      classesAction,
      formRequest('/classes', { intent: 'join', code: ` ${klass!.joinCode.toLowerCase()} ` }, student.cookie),
      {},
    )
    expect(res.location).toBe(`/join/${klass!.joinCode}`)
  })
})

describe('joining a class', () => {
  it('refuses the class’s own instructor and a removed student with a message key the page translates, and writes nothing', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const [klass] = await db.select().from(classes)
    const own = await join(teacher.cookie, klass!.joinCode)
    expect(own.status).toBe(403)
    expect(own.body).toMatchObject({ message: 'joinOwn' })

    const student = await signUp('student')
    expect((await join(student.cookie, klass!.joinCode)).status).toBe(302)
    const [member] = await db.select().from(classMembers)
    const removed = await settle(
      classAction(
        await args(formRequest(`/classes/${classId}`, { intent: 'remove-student', userId: member!.userId, confirm: '1' }, teacher.cookie), {
          classId,
        }),
      ),
    )
    expect(removed.status).toBe(302)
    const again = await join(student.cookie, klass!.joinCode)
    expect(again.status).toBe(403)
    expect(again.body).toMatchObject({ message: 'joinRemoved' })
    expect(await db.select({ n: count() }).from(classMembers)).toEqual([{ n: 1 }])
  })
})

describe('forgot password', () => {
  it('refuses a malformed e-mail with its message and sends nothing', async () => {
    const db = await freshDatabase()
    const res = await call<Reply & { sent: boolean }>(forgotAction, formRequest('/forgot-password', { email: 'not an email' }), {})
    expect(res.status).toBe(400)
    expect(res.body.sent).toBe(false)
    expect(res.body.result.error.email).toEqual(['errorEmail'])
    expect(await db.select({ n: count() }).from(passwordResets)).toEqual([{ n: 0 }])
  })
})
