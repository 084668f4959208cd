/**
 * Every access gate, in one place. Each reads who is asking from the request context
 * (app/utils/request-context.server.ts); other people's classes, assignments and quizzes answer 404, never
 * "forbidden", so nothing leaks about what exists.
 */
import { redirect, type RouterContextProvider } from 'react-router'
import { classAssignment, instructorClass } from '~/data/classes.server'
import { getDb } from './db.server'
import { getOwnAttempt } from '~/data/quiz.server'
import { ownImportedDeck } from '~/data/imported-decks.server'
import { visitorOf } from './request-context.server'
import { createGuest, hasSessionCookie, SESSION_COOKIE, type SessionUser } from './session.server'
import { errorPage } from './http-errors.server'

type Context = Readonly<RouterContextProvider>

/** The signed-in user or guest, or null for a visitor who has written nothing yet. */
export function currentUser(context: Context): SessionUser | null {
  return visitorOf(context).user
}

/** Pages for signed-in accounts only: others go to sign-in and come back. */
export function requireAccount(context: Context, request: Request): SessionUser {
  const user = currentUser(context)
  if (!user || user.kind !== 'account') {
    const url = new URL(request.url)
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return user
}

/**
 * The learner a write belongs to. A visitor without a session cookie becomes a guest here, at their first
 * write; the request context sends the new session cookie with the response.
 */
export async function requireLearner(context: Context, request: Request): Promise<SessionUser> {
  const visitor = visitorOf(context)
  if (visitor.user) return visitor.user
  // A session that ended (idle, expired, signed out elsewhere) does not silently become a new guest.
  if (hasSessionCookie(request)) throw errorPage('errorSessionEnded', 401)
  const { user, setCookie } = await createGuest(request)
  visitor.user = user
  visitor.cookies = [...visitor.cookies.filter((c) => !c.startsWith(`${SESSION_COOKIE}=`)), setCookie]
  return user
}

/** The signed-in instructor's own class, else 404 (students, other instructors). */
export async function ownClass(context: Context, request: Request, classId: string) {
  const user = requireAccount(context, request)
  const klass = user.role === 'instructor' ? await instructorClass(getDb(), user.id, classId) : null
  if (!klass) throw errorPage('errorNoSuchClass', 404)
  return { user, klass }
}

/** The signed-in instructor's own class and one of its assignments, else 404. */
export async function ownAssignment(context: Context, request: Request, classId: string, assignmentId: string) {
  const { user, klass } = await ownClass(context, request, classId)
  const assignment = await classAssignment(getDb(), klass.id, assignmentId)
  if (!assignment) throw errorPage('errorNoSuchAssignment', 404)
  return { user, klass, assignment }
}

/** An instructor's own live imported deck, else 404 (anyone else's, a built-in or a deleted one: no leak). */
export async function ownDeck(context: Context, request: Request, deckId: string) {
  const user = requireAccount(context, request)
  const deck = user.role === 'instructor' ? await ownImportedDeck(getDb(), user.id, deckId) : null
  if (!deck) throw errorPage('errorNoSuchOwnDeck', 404)
  return { user, deck }
}

/** The learner's own quiz attempt, else 404 (never "forbidden": no leak). */
export async function requireOwnAttempt(context: Context, attemptId: string) {
  const user = currentUser(context)
  const attempt = user ? await getOwnAttempt(getDb(), user.id, attemptId) : null
  if (!user || !attempt) throw errorPage('errorNoSuchQuiz', 404)
  return { user, attempt }
}
