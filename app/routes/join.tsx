import { Form, Link, redirect } from 'react-router'
import type { Route } from './+types/join'
import { useT } from '~/i18n/react'
import { classByCode, instructorName, joinClass } from '~/data/classes.server'
import { getDb } from '~/utils/db.server'
import { currentUser, requireAccount } from '~/utils/access.server'
import { errorPage, failure } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

async function openClass(code: string) {
  const klass = /^[A-Z0-9]{6,12}$/.test(code) ? await classByCode(getDb(), code) : null
  if (!klass) throw errorPage('errorNoClass', 404)
  return klass
}

/**
 * The join link shows the class to anyone (issue 14.18); a signed-in student joins with one tap, a new student
 * signs up and joins in one step (the sign-up form carries the code), and an existing one signs in first.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const user = currentUser(context)
  const code = params.code.toUpperCase()
  const klass = await openClass(code)
  return { code, name: klass.name, instructor: await instructorName(getDb(), klass), signedIn: user?.kind === 'account' }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireAccount(context, request)
  const klass = await openClass(params.code.toUpperCase())
  const result = await joinClass(getDb(), user.id, klass)
  if (result === 'joined' || result === 'already') return redirect(`/?joined=${encodeURIComponent(klass.name)}`)
  // A refusal the page shows in the learner's language: a message key, as every action's failure carries one.
  return result === 'removed'
    ? failure('joinRemoved', 403, 'The instructor removed this student from the class.')
    : failure('joinOwn', 403, 'An instructor cannot join their own class.')
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.joinClassTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function Join({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div className="page narrow">
      <h1>{t.joinClassTitle}</h1>
      {actionData?.message ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      <p>{t.joinPrompt(loaderData.name, loaderData.instructor)}</p>
      {loaderData.signedIn ? (
        <Form method="post">
          <button type="submit" className="button primary">
            {t.joinSubmit}
          </button>
        </Form>
      ) : (
        <div className="join-offers">
          <Link className="button primary" to={`/signup?join=${loaderData.code}`}>
            {t.joinSignUp}
          </Link>
          <Link className="button" to={`/login?next=${encodeURIComponent(`/join/${loaderData.code}`)}`}>
            {t.joinSignIn}
          </Link>
        </div>
      )}
    </div>
  )
}
