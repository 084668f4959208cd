import { Form, redirect } from 'react-router'
import type { Route } from './+types/account'
import { useLang, useT, useTimeZone } from '~/i18n/react'
import { formatDateTime } from '~/i18n'
import { activeSessions, revokeSessions } from '~/utils/auth.server'
import { requireAccount } from '~/utils/access.server'
import { clearedSessionCookie } from '~/utils/session.server'
import { failure } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAccount(context, request)
  const url = new URL(request.url)
  return {
    user,
    sessions: await activeSessions(request, user.id),
    revoked: url.searchParams.has('revoked') ? Number(url.searchParams.get('revoked')) || 0 : null,
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAccount(context, request)
  const form = await request.formData()
  const which = form.get('session')
  if (typeof which !== 'string' || !/^(others|all|[A-Za-z0-9_-]{16})$/.test(which))
    return failure('errorChooseSession', 400, 'session: choose a session to sign out')
  const n = await revokeSessions(request, user.id, which)
  // One session named and none signed out: it had already ended (another tab, or it expired), or is not yours.
  if (n === 0 && which !== 'others' && which !== 'all') return failure('errorSessionGone', 404, 'session: that session has already ended')
  // Signed out everywhere, this browser included.
  if (which === 'all') return redirect('/', { headers: { 'Set-Cookie': clearedSessionCookie() } })
  return redirect(`/account?revoked=${n}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.accountTitle)
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const timeZone = useTimeZone()
  const { user, sessions, revoked } = loaderData
  return (
    <div className="page narrow">
      <h1>{t.accountTitle}</h1>
      {actionData ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      <p>
        {t.signedInAs(user.displayName ?? user.email ?? '')} · {user.email}
      </p>
      <div role="status">{revoked !== null ? <p className="success">{t.revoked(revoked)}</p> : null}</div>
      <h2>{t.sessionsTitle}</h2>
      <ul className="sessions">
        {sessions.map((s) => (
          <li key={s.id}>
            <span>
              {s.current ? t.sessionCurrent : s.id.slice(0, 6)} · {t.sessionSince(formatDateTime(s.createdAt, lang, timeZone))}
            </span>
            {s.current ? null : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="session" value={s.id} />
                <button type="submit" className="secondary small">
                  {t.revoke}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="session" value="others" />
          <button type="submit" className="secondary">
            {t.revokeOthers}
          </button>
        </Form>
      ) : null}
      <Form method="post">
        <input type="hidden" name="session" value="all" />
        <button type="submit" className="secondary">
          {t.signOutEverywhere}
        </button>
      </Form>
      <Form method="post" action="/logout">
        <button type="submit" className="secondary">
          {t.signOut}
        </button>
      </Form>
    </div>
  )
}
