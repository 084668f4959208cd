import { sql } from 'drizzle-orm'
import { getDb } from '~/utils/db.server'

/** For load balancers: the app answers and the database is reachable. */
export async function loader() {
  await getDb().run(sql`select 1`)
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
}
