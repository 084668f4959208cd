/** Limits of offline review events (no zod here: the phone's sync code imports these alone). */

/** The phone's clock may run ahead of the server's by this much; later answer times are refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000
/** Events per request, at most (the server refuses more). */
export const MAX_EVENTS_PER_BATCH = 100
/**
 * The bytes of a sync request's body the phone aims under: the server's form limit is 64 KB, and 100 answers with
 * long Chinese responses (9 bytes a character once form-encoded) pass it, which the server refused with a 413.
 */
export const MAX_BATCH_BYTES = 60 * 1024

/** A value's length in a form body (`batch=…`), as URLSearchParams encodes it. */
const formEncodedLength = (value: string) => new URLSearchParams({ b: value }).toString().length - 2

/**
 * How many of these events, from the first, go in one request: at most MAX_EVENTS_PER_BATCH, and no more than keep
 * the body (the envelope, the events and their commas) under MAX_BATCH_BYTES; always at least one.
 */
export function eventsPerRequest(events: readonly unknown[], envelopeBytes = 200): number {
  let bytes = envelopeBytes
  const most = Math.min(events.length, MAX_EVENTS_PER_BATCH)
  for (let i = 0; i < most; i++) {
    bytes += formEncodedLength(JSON.stringify(events[i])) + 3 // and an encoded comma
    if (bytes > MAX_BATCH_BYTES) return Math.max(1, i)
  }
  return most
}
/** No answer can be older than the app. */
export const EARLIEST_ANSWER_AT = Date.UTC(2024, 0, 1)
