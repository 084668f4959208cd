/**
 * What a form body may look like before anything parses it. The platform's form parser slows down
 * quadratically on many repeated names (40,000 × `x=` stalled the server for seconds), so bodies are
 * counted here in one linear pass, and refused when they are larger, wider or deeper than any form of ours.
 */
export const FORM_LIMITS = {
  /** Bytes of a request body: our largest form (a quiz set-up, a typed answer) is well under 10 KB. */
  maxBytes: 64 * 1024,
  /** Fields in one form. */
  maxFields: 200,
  /** Times one name may repeat (no form of ours repeats a name). */
  maxRepeats: 10,
  /** Characters of a field name. */
  maxNameLength: 100,
  /** Path segments of a field name (`a.b[0]` has three); our names are flat. */
  maxNameDepth: 4,
} as const

/**
 * The one form that takes a file: importing a deck (app/routes/deck-import.tsx). Its body may hold the file
 * (at most MAX_IMPORT_FILE_BYTES, 2 MiB) once, or base64 in the confirm step, plus a few fields; every other
 * limit stays as above.
 */
export const UPLOAD_LIMITS = { paths: ['/decks/import', '/decks/import.data'] as readonly string[], maxBytes: 3 * 1024 * 1024 } as const

export type FormCheck = { ok: true } | { ok: false; status: 400 | 415; reason: string }

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

function checkNames(names: Iterable<string>): FormCheck {
  const seen = new Map<string, number>()
  let fields = 0
  for (const name of names) {
    if (++fields > FORM_LIMITS.maxFields) return { ok: false, status: 400, reason: 'Too many form fields.' }
    if (name.length > FORM_LIMITS.maxNameLength) return { ok: false, status: 400, reason: 'A form field name is too long.' }
    const segments = name.split(/[.[\]]+/).filter(Boolean)
    if (segments.length > FORM_LIMITS.maxNameDepth) return { ok: false, status: 400, reason: 'A form field name is nested too deeply.' }
    if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) return { ok: false, status: 400, reason: 'A form field name is not allowed.' }
    const count = (seen.get(name) ?? 0) + 1
    if (count > FORM_LIMITS.maxRepeats) return { ok: false, status: 400, reason: 'A form field is repeated too often.' }
    seen.set(name, count)
  }
  return { ok: true }
}

/** application/x-www-form-urlencoded: fields are counted before the names are decoded. */
export function checkUrlEncoded(body: string): FormCheck {
  let pieces = 1
  for (let i = 0; i < body.length; i++) {
    if (body.charCodeAt(i) === 38 /* & */ && ++pieces > FORM_LIMITS.maxFields + 1)
      return { ok: false, status: 400, reason: 'Too many form fields.' }
  }
  return checkNames([...new URLSearchParams(body).keys()])
}

/**
 * multipart/form-data: the structure must be whole (opening and closing boundary, a form-data name on every
 * part) and carry no files (only the deck import takes one: `allowFiles`).
 */
export function checkMultipart(contentType: string, body: string, { allowFiles = false } = {}): FormCheck {
  const boundary = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  const mark = boundary?.[1] ?? boundary?.[2]
  const broken: FormCheck = { ok: false, status: 400, reason: 'Broken multipart body.' }
  if (!mark) return broken
  const delimiter = `--${mark}`
  if (!body.startsWith(delimiter)) return broken
  const end = body.indexOf(`\r\n${delimiter}--`)
  if (end === -1) return broken
  const parts = body.slice(delimiter.length, end).split(`\r\n${delimiter}`)
  if (parts.length > FORM_LIMITS.maxFields) return { ok: false, status: 400, reason: 'Too many form fields.' }
  const names: string[] = []
  for (const part of parts) {
    const headerEnd = part.indexOf('\r\n\r\n')
    if (!part.startsWith('\r\n') || headerEnd === -1) return broken
    const headers = part.slice(2, headerEnd)
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(headers)?.[1]
    if (!disposition) return broken
    if (!allowFiles && /\bfilename\*?=/i.test(disposition)) return { ok: false, status: 415, reason: 'File uploads are not accepted.' }
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1]
    if (name === undefined) return broken
    names.push(name)
  }
  return checkNames(names)
}

/** The media type of a Content-Type header, lower-case, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}
