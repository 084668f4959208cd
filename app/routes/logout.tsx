import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { signOut } from '~/utils/auth.server'
import { clearedSessionCookie } from '~/utils/session.server'

export async function action({ request }: Route.ActionArgs) {
  await signOut(request)
  return redirect('/', { headers: { 'Set-Cookie': clearedSessionCookie() } })
}

/** Signing out changes state, so only a POST does it; a visit just goes home. */
export function loader() {
  return redirect('/')
}
