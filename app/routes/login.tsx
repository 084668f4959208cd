import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/login'
import { Field, FormErrors, throttleDelay } from '~/components/field'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { signInSchema } from '~/domain/account-forms'
import { useT } from '~/i18n/react'
import { signIn } from '~/utils/auth.server'
import { currentUser } from '~/utils/access.server'
import { clientAddress } from '~/utils/client-address.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context)
  if (user?.kind === 'account') throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('next')))
  return { reset: new URL(request.url).searchParams.get('reset') === '1' }
}

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const submission = parseWithZod(form, { schema: signInSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const result = await signIn(request, clientAddress(request), submission.value)
  if (!result.ok) {
    const status = result.error === 'errorThrottled' ? 429 : 401
    const headers = result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined
    return data(
      {
        result: submission.reply({ formErrors: [result.error], hideFields: ['password'] }),
        retryAfterSeconds: result.retryAfterSeconds ?? null,
      },
      { status, headers },
    )
  }
  return redirect(safeRedirectPath(form.get('next')), { headers: { 'Set-Cookie': result.value.cookie } })
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.signInTitle)
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    constraint: getZodConstraint(signInSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  })
  return (
    <div className="page narrow">
      <h1>{t.signInTitle}</h1>
      {loaderData.reset ? (
        <p role="status" className="success">
          {t.resetDone}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        <FormErrors errors={form.errors} retryAfterSeconds={throttleDelay(actionData)} />
        <Field meta={fields.email} label={t.email}>
          {(d) => <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="username" aria-describedby={d} />}
        </Field>
        <Field meta={fields.password} label={t.password}>
          {(d) => <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="current-password" aria-describedby={d} />}
        </Field>
        <button type="submit" className="button primary" disabled={navigation.state === 'submitting'}>
          {t.signInSubmit}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t.forgotLink}</Link>
      </p>
      <p>
        <Link to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t.noAccount}</Link>
      </p>
    </div>
  )
}
