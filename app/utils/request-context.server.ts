/**
 * One request context: the root middleware resolves who is asking once per request and puts it on the
 * router context; loaders, actions and the access gates (app/utils/access.server.ts) read it from there.
 * A guest created during the request (at its first write) has its cookie appended here, after the handler.
 */
import { createContext, type MiddlewareFunction, type RouterContextProvider } from 'react-router'
import { clearedSessionCookie, getSessionUser, hasSessionCookie, SESSION_COOKIE, type SessionUser } from './session.server'

export interface Visitor {
  /** The user of a live session, or null (a visitor who has written nothing yet, or whose session ended). */
  user: SessionUser | null
  /** Set-Cookie headers the response must carry (a new guest's session, a stale cookie cleared). */
  cookies: string[]
}

export const visitorContext = createContext<Visitor>()

/** Who is asking: the one place a request's session is read. */
export async function resolveVisitor(request: Request): Promise<Visitor> {
  const user = await getSessionUser(request)
  // A cookie that names no live session (expired, idle, revoked) is cleared, so the browser stops sending it.
  const cookies = !user && hasSessionCookie(request) ? [clearedSessionCookie()] : []
  return { user, cookies }
}

export function visitorOf(context: Readonly<RouterContextProvider>): Visitor {
  return context.get(visitorContext)
}

export const visitorMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const visitor = await resolveVisitor(request)
  context.set(visitorContext, visitor)
  const response = await next()
  // A handler that set the session cookie itself (sign-in, sign-up, sign-out) has the last word on it.
  const handlerSetSession = response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))
  if (!handlerSetSession) for (const cookie of visitor.cookies) response.headers.append('Set-Cookie', cookie)
  return response
}
