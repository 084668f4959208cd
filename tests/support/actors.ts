/** Creating people the way the app does (through its routes), for tests that need several of them. */
import { action as signupAction } from '~/routes/signup'
import { action as classesAction } from '~/routes/classes'
import { action as classAction } from '~/routes/class'
import { action as joinAction } from '~/routes/join'
import { args, call, formRequest, settle } from './routes'

let counter = 0

export async function signUp(role: 'student' | 'instructor', cookie: string | null = null, name?: string) {
  counter++
  const email = `${role}${counter}-${Date.now()}@example.org`
  const res = await call(
    signupAction,
    formRequest('/signup', { displayName: name ?? `${role} ${counter}`, email, password: 'correct horse battery', role }, cookie),
    {},
  )
  if (res.status !== 302) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { email, cookie: res.headers.get('Set-Cookie')!.split(';')[0]! }
}

export async function createClass(instructorCookie: string, name = 'Diplomacy 101') {
  const res = await call(classesAction, formRequest('/classes', { intent: 'create', name }, instructorCookie), {})
  if (res.status !== 302) throw new Error(`class creation failed: ${res.status}`)
  return res.location!.split('/').pop()!
}

export async function createAssignment(instructorCookie: string, classId: string, fields: Record<string, string> = {}) {
  const res = await settle(
    classAction(
      await args(
        formRequest(
          `/classes/${classId}`,
          {
            intent: 'create-assignment',
            title: 'Dates first',
            deckId: 'dates',
            dueDate: '2099-12-31',
            goal: 'memory',
            targetRecall: '0.85',
            ...fields,
          },
          instructorCookie,
        ),
        { classId },
      ),
    ),
  )
  if (res.status !== 302) throw new Error(`assignment creation failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.location!.split('/').pop()!
}

export async function join(studentCookie: string, code: string) {
  return call(joinAction, formRequest(`/join/${code}`, {}, studentCookie), { code })
}
