import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/reset-password'
import { Field, FormErrors, throttleDelay } from '~/components/field'
import { resetPasswordSchema } from '~/domain/account-forms'
import { useT } from '~/i18n/react'
import { resetLinkState, resetPassword } from '~/utils/auth.server'
import { clientAddress } from '~/utils/client-address.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'

/** A used, expired or unknown link says so at once (410 Gone), instead of failing only after the form is sent. */
export async function loader({ params }: Route.LoaderArgs) {
  const link = await resetLinkState(params.token)
  return data({ link }, { status: link === 'usable' ? 200 : 410 })
}

export async function action({ request, params }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }) }, { status: 400 })
  const result = await resetPassword(params.token, submission.value.password, clientAddress(request))
  if (!result.ok) {
    const throttled = result.error === 'errorThrottled'
    const headers = throttled ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined
    return data(
      {
        result: submission.reply({ formErrors: [result.error], hideFields: ['password', 'confirm'] }),
        retryAfterSeconds: result.retryAfterSeconds ?? null,
      },
      { status: throttled ? 429 : 400, headers },
    )
  }
  return redirect('/login?reset=1')
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.resetTitle)
}

const DEAD_LINK_MESSAGE = { used: 'resetLinkUsed', expired: 'resetLinkExpired', unknown: 'errorResetLink' } as const

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.link !== 'usable') return <DeadResetLink reason={loaderData.link} />
  return <ResetForm actionData={actionData} />
}

function DeadResetLink({ reason }: { reason: keyof typeof DEAD_LINK_MESSAGE }) {
  const t = useT()
  return (
    <div className="page narrow">
      <h1>{t.resetTitle}</h1>
      <p className="error">{t[DEAD_LINK_MESSAGE[reason]]}</p>
      <p>
        <Link to="/forgot-password" className="button primary">
          {t.resetAskAgain}
        </Link>
      </p>
    </div>
  )
}

function ResetForm({ actionData }: { actionData: Route.ComponentProps['actionData'] }) {
  const t = useT()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    constraint: getZodConstraint(resetPasswordSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  })
  return (
    <div className="page narrow">
      <h1>{t.resetTitle}</h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors errors={form.errors} retryAfterSeconds={throttleDelay(actionData)} />
        <Field meta={fields.password} label={t.password} help={t.passwordHelp}>
          {(d) => <input {...getInputProps(fields.password, { type: 'password' })} autoComplete="new-password" aria-describedby={d} />}
        </Field>
        <Field meta={fields.confirm} label={t.confirmPassword}>
          {(d) => <input {...getInputProps(fields.confirm, { type: 'password' })} autoComplete="new-password" aria-describedby={d} />}
        </Field>
        <button type="submit" className="button primary">
          {t.resetSubmit}
        </button>
      </Form>
    </div>
  )
}
