import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/language'
import { LANGUAGES } from '~/i18n'
import { getDb } from '~/utils/db.server'
import { languageCookie } from '~/utils/lang.server'
import { saveSettings } from '~/data/settings.server'
import { getSessionUser } from '~/utils/session.server'

const schema = z.object({
  lang: z.enum(LANGUAGES),
  // Only same-site paths: never an open redirect.
  redirectTo: z.string().regex(/^\/(?!\/)[^\\]*$/).max(2000).catch('/'),
})

/** Switches and remembers the interface language (cookie, and the learner's settings if they have any). */
export async function action({ request }: Route.ActionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw data('Unknown language: choose en or zh-Hans.', { status: 400 })
  const user = await getSessionUser(request)
  if (user) await saveSettings(getDb(), user.id, { uiLanguage: parsed.data.lang })
  return redirect(parsed.data.redirectTo, { headers: { 'Set-Cookie': languageCookie(parsed.data.lang) } })
}

export function loader() {
  return redirect('/')
}
