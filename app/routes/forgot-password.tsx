import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/forgot-password'
import { Field, FormErrors, throttleDelay } from '~/components/field'
import { forgotPasswordSchema } from '~/domain/account-forms'
import { useT } from '~/i18n/react'
import { requestPasswordReset } from '~/utils/auth.server'
import { clientAddress } from '~/utils/client-address.server'
import { appOrigin } from '~/utils/public-url.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  // The same answer whether or not the account exists: the form must not reveal who has one.
  const result = await requestPasswordReset(submission.value.email, clientAddress(request), appOrigin(request))
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: [result.error] }), sent: false, retryAfterSeconds: result.retryAfterSeconds ?? null },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  return { result: submission.reply({ resetForm: true }), sent: true }
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.forgotTitle)
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    constraint: getZodConstraint(forgotPasswordSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  })
  return (
    <div className="page narrow">
      <h1>{t.forgotTitle}</h1>
      <p className="muted">{t.forgotHelp}</p>
      <div role="status">{actionData?.sent ? <p className="success">{t.forgotSent}</p> : null}</div>
      <Form method="post" {...getFormProps(form)} noValidate>
        <FormErrors errors={form.errors} retryAfterSeconds={throttleDelay(actionData)} />
        <Field meta={fields.email} label={t.email}>
          {(d) => <input {...getInputProps(fields.email, { type: 'email' })} autoComplete="email" aria-describedby={d} />}
        </Field>
        <button type="submit" className="button primary">
          {t.forgotSubmit}
        </button>
      </Form>
    </div>
  )
}
