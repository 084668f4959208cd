import { redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/language'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { LANGUAGES } from '~/i18n'
import { getDb } from '~/utils/db.server'
import { languageCookie } from '~/utils/lang.server'
import { saveSettings } from '~/data/settings.server'
import { currentUser } from '~/utils/access.server'
import { errorPage } from '~/utils/http-errors.server'

const schema = z.object({
  lang: z.enum(LANGUAGES),
  // Only same-origin paths: never an open redirect.
  redirectTo: z.unknown().transform((target) => safeRedirectPath(target)),
})

/** Switches and remembers the interface language (cookie, and the learner's settings if they have any). */
export async function action({ request, context }: Route.ActionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw errorPage('errorUnknownLanguage', 400)
  const user = currentUser(context)
  if (user) await saveSettings(getDb(), user.id, { uiLanguage: parsed.data.lang })
  return redirect(parsed.data.redirectTo, { headers: { 'Set-Cookie': languageCookie(parsed.data.lang) } })
}

export function loader() {
  return redirect('/')
}
