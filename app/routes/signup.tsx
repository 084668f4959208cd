import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/signup'
import { Field, FormErrors, throttleDelay } from '~/components/field'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { signUpSchema } from '~/domain/account-forms'
import { useT } from '~/i18n/react'
import { signUp } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { classByCode, joinClass } from '~/data/classes.server'
import { currentUser } from '~/utils/access.server'
import { clientAddress } from '~/utils/client-address.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context)
  const params = new URL(request.url).searchParams
  const code = params.get('join')
  const klass = code && /^[A-Z0-9]{6,12}$/.test(code) ? await classByCode(getDb(), code) : null
  if (user?.kind === 'account') throw redirect(klass ? `/join/${klass.joinCode}` : safeRedirectPath(params.get('next')))
  return { joining: klass ? klass.name : null }
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData()
  const submission = parseWithZod(form, { schema: signUpSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const result = await signUp(request, currentUser(context), clientAddress(request), submission.value)
  if (!result.ok) {
    const throttled = result.error === 'errorThrottled'
    const headers = throttled ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined
    return data(
      {
        result: submission.reply({ formErrors: [result.error], hideFields: ['password'] }),
        retryAfterSeconds: result.retryAfterSeconds ?? null,
      },
      { status: throttled ? 429 : 409, headers },
    )
  }
  // Signing up from a class's join link joins that class in the same step.
  const joined = await joinAfterSignUp(result.value.userId, form.get('join'))
  const next = joined ? `/?joined=${encodeURIComponent(joined)}` : safeRedirectPath(form.get('next'))
  return redirect(next, { headers: { 'Set-Cookie': result.value.cookie } })
}

/** The class of a join code the sign-up form carried, joined by the new account; its name, or null. */
async function joinAfterSignUp(userId: string, code: FormDataEntryValue | null): Promise<string | null> {
  if (typeof code !== 'string' || !/^[A-Z0-9]{6,12}$/.test(code)) return null
  const klass = await classByCode(getDb(), code)
  if (!klass) return null
  const result = await joinClass(getDb(), userId, klass)
  return result === 'joined' || result === 'already' ? klass.name : null
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.signUpTitle)
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    constraint: getZodConstraint(signUpSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
    defaultValue: { role: 'student' },
  })
  return (
    <div className="page narrow">
      <h1>{t.signUpTitle}</h1>
      {loaderData?.joining ? <p className="success">{t.signUpToJoin(loaderData.joining)}</p> : null}
      <p className="muted">{t.signUpHelp}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        {params.get('join') ? <input type="hidden" name="join" value={params.get('join')!} /> : null}
        <FormErrors errors={form.errors} retryAfterSeconds={throttleDelay(actionData)} />
        <Field meta={fields.displayName} label={t.displayName}>
          {(d) => <input {...getInputProps(fields.displayName, { type: 'text' })} autoComplete="name" aria-describedby={d} />}
        </Field>
        <Field meta={fields.email} label={t.email}>
          {(d) => <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="email" aria-describedby={d} />}
        </Field>
        <Field meta={fields.password} label={t.password} help={t.passwordHelp}>
          {(d) => <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" aria-describedby={d} />}
        </Field>
        <fieldset className="choices">
          <legend>{t.roleLabel}</legend>
          <label className="choice">
            <input type="radio" name={fields.role.name} value="student" defaultChecked={fields.role.initialValue !== 'instructor'} />{' '}
            <span>{t.roleStudent}</span>
          </label>
          <label className="choice">
            <input type="radio" name={fields.role.name} value="instructor" defaultChecked={fields.role.initialValue === 'instructor'} />{' '}
            <span>{t.roleInstructor}</span>
          </label>
        </fieldset>
        <button type="submit" className="button primary" disabled={navigation.state === 'submitting'}>
          {t.signUpSubmit}
        </button>
      </Form>
      <p>
        <Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t.haveAccount}</Link>
      </p>
    </div>
  )
}
