import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, useNavigation } from 'react-router'
import type { Route } from './+types/settings'
import { settingsSchema, type SettingsErrorKey } from '~/domain/settings-form'
import { useT } from '~/i18n/react'
import { getDb } from '~/utils/db.server'
import { languageCookie } from '~/utils/lang.server'
import { getSettings, saveSettings } from '~/utils/progress.server'
import { requireLearner } from '~/utils/session.server'

export async function loader({ request }: Route.LoaderArgs) {
  const { user, setCookie } = await requireLearner(request)
  const settings = await getSettings(getDb(), user.id)
  const url = new URL(request.url)
  return data(
    { settings, saved: url.searchParams.get('saved') === '1', timeZones: Intl.supportedValuesOf('timeZone') },
    setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined,
  )
}

export async function action({ request }: Route.ActionArgs) {
  const { user, setCookie } = await requireLearner(request)
  const submission = parseWithZod(await request.formData(), { schema: settingsSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const value = submission.value
  await saveSettings(getDb(), user.id, value)
  const headers = new Headers({ Location: '/settings?saved=1' })
  headers.append('Set-Cookie', languageCookie(value.uiLanguage))
  if (setCookie) headers.append('Set-Cookie', setCookie)
  return new Response(null, { status: 303, headers })
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { settings } = loaderData
  const navigation = useNavigation()
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    defaultValue: {
      desiredRetention: String(settings.desiredRetention),
      newPerDay: String(settings.newPerDay),
      maxReviewsPerDay: String(settings.maxReviewsPerDay),
      uiLanguage: settings.uiLanguage ?? 'en',
      cardLanguage: settings.cardLanguage,
      timeZone: settings.timeZone,
    },
    constraint: getZodConstraint(settingsSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
  })
  const message = (errors: string[] | undefined) => {
    const key = errors?.[0] as SettingsErrorKey | undefined
    return key ? (t[key] ?? key) : null
  }
  const field = (name: keyof typeof fields, label: string, control: React.ReactNode, help?: string) => {
    const f = fields[name]
    const error = message(f.errors)
    return (
      <div className="field">
        <label htmlFor={f.id}>{label}</label>
        {control}
        {help ? <p className="help" id={`${f.id}-help`}>{help}</p> : null}
        <p className="field-error" id={f.errorId} aria-live="polite">{error}</p>
      </div>
    )
  }
  const described = (f: (typeof fields)[keyof typeof fields], help = false) => ({
    'aria-describedby': [help ? `${f.id}-help` : null, f.errorId].filter(Boolean).join(' '),
  })
  return (
    <div className="page narrow">
      <h1>{t.settingsTitle}</h1>
      <div role="status" aria-live="polite">{loaderData.saved ? <p className="success">{t.settingsSaved}</p> : null}</div>
      <Form method="post" {...getFormProps(form)} noValidate>
        {field(
          'desiredRetention',
          t.desiredRetention,
          <input {...getInputProps(fields.desiredRetention, { type: 'number' })} step="0.01" inputMode="decimal" {...described(fields.desiredRetention, true)} />,
          t.desiredRetentionHelp,
        )}
        {field('newPerDay', t.newPerDay, <input {...getInputProps(fields.newPerDay, { type: 'number' })} inputMode="numeric" {...described(fields.newPerDay)} />)}
        {field('maxReviewsPerDay', t.maxReviewsPerDay, <input {...getInputProps(fields.maxReviewsPerDay, { type: 'number' })} inputMode="numeric" {...described(fields.maxReviewsPerDay)} />)}
        {field(
          'uiLanguage',
          t.uiLanguage,
          <select {...getSelectProps(fields.uiLanguage)} {...described(fields.uiLanguage)}>
            <option value="en">{t.langNames.en}</option>
            <option value="zh-Hans" lang="zh-Hans">{t.langNames['zh-Hans']}</option>
          </select>,
        )}
        {field(
          'cardLanguage',
          t.cardLanguage,
          <select {...getSelectProps(fields.cardLanguage)} {...described(fields.cardLanguage)}>
            <option value="both">{t.cardLanguageBoth}</option>
            <option value="en">{t.cardLanguageEn}</option>
            <option value="zh">{t.cardLanguageZh}</option>
          </select>,
        )}
        {field(
          'timeZone',
          t.timeZone,
          <select {...getSelectProps(fields.timeZone)} {...described(fields.timeZone, true)}>
            {(loaderData.timeZones.includes(settings.timeZone) ? loaderData.timeZones : [settings.timeZone, ...loaderData.timeZones]).map((tz) => (
              <option key={tz} value={tz}>{tz}</option>
            ))}
          </select>,
          t.timeZoneHelp,
        )}
        <button type="submit" className="button primary" disabled={navigation.state === 'submitting'}>
          {t.save}
        </button>
      </Form>
    </div>
  )
}
