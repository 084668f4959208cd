/** `npm run guests:purge`: deletes idle guests that never made progress (policy: app/utils/guests.server.ts) and stale rate-limit rows. */
import { purgeIdleGuests } from '~/utils/guests.server'
import { forgetOldAttempts } from '~/utils/throttle.server'
import { openDatabase } from './client'

const db = openDatabase()
console.log(`purged ${await purgeIdleGuests(db)} idle guests without progress, ${await forgetOldAttempts(db)} stale rate-limit rows`)
db.$client.close()
