/**
 * POST /sync: answers made offline arrive here as a batch of review events (form field `batch`, JSON:
 * { userId, events }). JSON in, JSON out, for the phone's sync script:
 * 200 { status: 'synced', accepted, duplicates, states } · 401 no session · 403 the batch is another
 * learner's · 400 unreadable batch · 422 { status: 'refused', refused: [{ index, id, reason, detail }] }
 * (nothing written). See app/data/review-sync.server.ts.
 */
import type { Route } from './+types/sync'
import { syncBatchSchema } from '~/domain/review-events'
import { syncReviewEvents } from '~/data/review-sync.server'
import { currentUser } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import type { MessageKey } from '~/i18n/keys'

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
/** An error answer: `message` is the key the phone shows in the learner's language, `error` an English detail. */
const failed = (message: MessageKey, error: string, status: number) => json({ status: 'error', message, error }, status)

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== 'POST') return failed('errorSyncMalformed', 'Use POST.', 405)
  const user = currentUser(context)
  if (!user) return failed('errorSyncSignIn', 'Your session has ended: sign in again to sync.', 401)
  const form = await request.formData()
  const raw = form.get('batch')
  let parsed: ReturnType<typeof syncBatchSchema.safeParse>
  try {
    parsed = syncBatchSchema.safeParse(typeof raw === 'string' ? JSON.parse(raw) : undefined)
  } catch {
    return failed('errorSyncMalformed', 'batch: is not valid JSON', 400)
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return failed('errorSyncMalformed', `batch${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`, 400)
  }
  // The phone keeps one learner's decks; after a sign-out its answers must not land on whoever is signed in now.
  if (parsed.data.userId !== user.id)
    return failed('errorSyncOtherLearner', 'These answers belong to another learner: sign in as them to sync.', 403)
  const result = await syncReviewEvents(getDb(), user.id, parsed.data.events, Date.now())
  return json(result, result.status === 'synced' ? 200 : 422)
}

export function loader() {
  return failed('errorSyncMalformed', 'Use POST.', 405)
}
