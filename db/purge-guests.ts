/** `npm run guests:purge`: deletes idle guests that never made progress (policy: app/utils/guests.server.ts). */
import { purgeIdleGuests } from '~/utils/guests.server'
import { openDatabase } from './client'

const db = openDatabase()
console.log(`purged ${await purgeIdleGuests(db)} idle guests without progress`)
db.$client.close()
