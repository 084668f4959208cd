/** Limits of offline review events (no zod here: the phone's sync code imports these alone). */

/** The phone's clock may run ahead of the server's by this much; later answer times are refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000
/** Events per request: the body must stay well under the server's form body limit (64 KB). */
export const MAX_EVENTS_PER_BATCH = 100
/** No answer can be older than the app. */
export const EARLIEST_ANSWER_AT = Date.UTC(2024, 0, 1)
