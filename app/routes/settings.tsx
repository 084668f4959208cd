import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/settings'
import { Field } from '~/components/field'
import { settingsActionSchema, settingsSchema } from '~/domain/settings-form'
import { msg } from '~/i18n/keys'
import { FSRS_PARAMETERS_INTENT } from '~/domain/fsrs-parameters-form'
import { parameterHistory, chooseParameters } from '~/data/fsrs-parameters.server'
import { FsrsParameters } from '~/components/fsrs-parameters'
import { useLang, useT } from '~/i18n/react'
import { getDb } from '~/utils/db.server'
import { languageCookie, languageFor } from '~/utils/lang.server'
import { readCookie } from '~/utils/cookies.server'
import { findTimeZone, groupTimeZones, timeZoneOption } from '~/domain/time-zones'
import { isValidTimeZone } from '~/domain/study-day'
import { TimeZonePicker } from '~/components/time-zone-picker'
import { getSettings, saveSettings } from '~/data/settings.server'
import { currentUser, requireLearner } from '~/utils/access.server'
import { visitorSettings } from '~/utils/session.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context)
  // A visitor sees the defaults; saving them is their first write, which makes them a guest.
  const settings = user ? await getSettings(getDb(), user.id) : await visitorSettings(request)
  const url = new URL(request.url)
  const parameters = user ? await parameterHistory(getDb(), user.id) : { inForce: null, sets: [] }
  // Zones grouped and named on the server, so the page and its hydration use the same ICU data.
  const lang = languageFor(request, settings.uiLanguage ?? null)
  const now = new Date()
  const cookieZone = readCookie(request, 'tz')
  const device = cookieZone && isValidTimeZone(cookieZone) ? cookieZone : null
  const ids = [...Intl.supportedValuesOf('timeZone'), 'UTC', settings.timeZone, ...(device ? [device] : [])]
  const timeZones = groupTimeZones(ids, lang, now)
  // The device's zone as the list names it (labels depend on the whole list).
  const detected = device ? (findTimeZone(timeZones, device) ?? timeZoneOption(device, lang, now)) : null
  return { settings, saved: url.searchParams.get('saved') === '1', timeZones, detected, parameters }
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: settingsActionSchema })
  if (submission.status !== 'success') {
    if (submission.payload.intent === FSRS_PARAMETERS_INTENT) return data({ parametersError: msg('errorParameters') }, { status: 400 })
    return data({ result: submission.reply() }, { status: 400 })
  }
  const v = submission.value
  if (v.intent === FSRS_PARAMETERS_INTENT) return parametersAction(v.parameters, context)
  const { intent: _intent, ...settings } = v
  const user = await requireLearner(context, request)
  await saveSettings(getDb(), user.id, settings)
  const headers = new Headers({ Location: '/settings?saved=1' })
  headers.append('Set-Cookie', languageCookie(settings.uiLanguage))
  return new Response(null, { status: 303, headers })
}

/** Back to the default FSRS parameters, or to one of the learner's own adopted sets; anything else writes nothing. */
async function parametersAction(parameters: string, context: Route.ActionArgs['context']) {
  const user = currentUser(context)
  const chosen = parameters === 'default' ? null : parameters
  // A visitor with no user row is on the defaults already and has no sets of their own.
  if (!user)
    return chosen === null ? redirect('/settings?saved=1', 303) : data({ parametersError: msg('errorParametersNotFound') }, { status: 404 })
  if ((await chooseParameters(getDb(), user.id, chosen)) === 'not-found')
    return data({ parametersError: msg('errorParametersNotFound') }, { status: 404 })
  return redirect('/settings?saved=1', 303)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.settingsTitle)
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { settings } = loaderData
  const navigation = useNavigation()
  const [form, fields] = useForm({
    // A new form when the interface language changes (the header's switch): its fields start from the new
    // values, so saving the settings does not send the language the page had before.
    id: `settings-${lang}`,
    lastResult: navigation.state === 'idle' && actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: {
      desiredRetention: String(settings.desiredRetention),
      newPerDay: String(settings.newPerDay),
      maxReviewsPerDay: String(settings.maxReviewsPerDay),
      leechThreshold: String(settings.leechThreshold),
      uiLanguage: settings.uiLanguage ?? lang,
      cardLanguage: settings.cardLanguage,
      timeZone: settings.timeZone,
    },
    constraint: getZodConstraint(settingsSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
  })
  return (
    <div className="page narrow">
      <h1>{t.settingsTitle}</h1>
      <div role="status" aria-live="polite">
        {loaderData.saved ? <p className="success">{t.settingsSaved}</p> : null}
      </div>
      <Form method="post" {...getFormProps(form)} noValidate>
        <Field meta={fields.desiredRetention} label={t.desiredRetention} help={t.desiredRetentionHelp}>
          {(d) => (
            <input {...getInputProps(fields.desiredRetention, { type: 'number' })} step="0.01" inputMode="decimal" aria-describedby={d} />
          )}
        </Field>
        <Field meta={fields.newPerDay} label={t.newPerDay}>
          {(d) => <input {...getInputProps(fields.newPerDay, { type: 'number' })} inputMode="numeric" aria-describedby={d} />}
        </Field>
        <Field meta={fields.maxReviewsPerDay} label={t.maxReviewsPerDay}>
          {(d) => <input {...getInputProps(fields.maxReviewsPerDay, { type: 'number' })} inputMode="numeric" aria-describedby={d} />}
        </Field>
        <Field meta={fields.leechThreshold} label={t.leechThreshold} help={t.leechThresholdHelp}>
          {(d) => <input {...getInputProps(fields.leechThreshold, { type: 'number' })} inputMode="numeric" aria-describedby={d} />}
        </Field>
        <Field meta={fields.uiLanguage} label={t.uiLanguage}>
          {(d) => (
            <select {...getSelectProps(fields.uiLanguage)} aria-describedby={d}>
              <option value="en">{t.langNames.en}</option>
              <option value="zh-Hans" lang="zh-Hans">
                {t.langNames['zh-Hans']}
              </option>
            </select>
          )}
        </Field>
        <Field meta={fields.cardLanguage} label={t.cardLanguage}>
          {(d) => (
            <select {...getSelectProps(fields.cardLanguage)} aria-describedby={d}>
              <option value="both">{t.cardLanguageBoth}</option>
              <option value="en">{t.cardLanguageEn}</option>
              <option value="zh">{t.cardLanguageZh}</option>
            </select>
          )}
        </Field>
        {/* A fresh picker (empty search) once a zone is saved or the language changes. */}
        <TimeZonePicker
          key={`${lang}:${settings.timeZone}`}
          meta={fields.timeZone}
          groups={loaderData.timeZones}
          detected={loaderData.detected}
          initial={settings.timeZone}
        />
        <button type="submit" className="button primary" disabled={navigation.state === 'submitting'}>
          {t.save}
        </button>
      </Form>
      <FsrsParameters
        inForce={loaderData.parameters.inForce}
        sets={loaderData.parameters.sets}
        timeZone={settings.timeZone}
        error={actionData && 'parametersError' in actionData ? actionData.parametersError : null}
      />
    </div>
  )
}
