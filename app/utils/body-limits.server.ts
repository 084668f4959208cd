/**
 * A step of the server's pipeline (app/utils/http-pipeline.server.ts): every request body is read here, capped
 * and checked before React Router sees it. Too large → 413; not a form → 415; too many, repeated, deep or broken
 * fields → 400. The request handler (app/utils/request-handler.server.ts) reads the checked bytes (`checkedBody`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import getRawBody from 'raw-body'
import { checkMultipart, checkUrlEncoded, FORM_LIMITS, mediaType, UPLOAD_LIMITS, type FormCheck } from './form-limits.server'
import { en } from '~/i18n/en'
import { zhHans } from '~/i18n/zh-Hans'
import { requestLanguage } from './lang.server'
import { getSessionUser } from './session.server'
import { headerOf, pathOf, sendText, type Next as NextFunction } from './http-pipeline.server'

const checkedBodies = new WeakMap<IncomingMessage, Buffer>()

/** The body this step read and checked (empty for a request without one). */
export function checkedBody(req: IncomingMessage): Buffer {
  return checkedBodies.get(req) ?? Buffer.alloc(0)
}

/** How long a client may take to send a body: slow-body sockets are dropped (408). */
export function bodyTimeoutMs(): number {
  return Number(process.env.REQUEST_TIMEOUT_MS) || 15_000
}

function refuse(res: ServerResponse, status: number, message: string) {
  // The rest of the body is not read: close the connection rather than keep it in a half-read state.
  sendText(res, status, message, { close: true })
}

/**
 * What a refused body says: for an upload past its cap, the import page's own message in the viewer's language
 * (without scripts the browser shows this text as the page); otherwise a plain English line for clients. The
 * language is chosen as for every page: the language cookie, then the signed-in learner's setting, then the
 * browser's. This runs before the request context exists, so it reads the session itself (only on this rare path).
 */
async function tooLargeText(req: IncomingMessage, upload: boolean): Promise<string> {
  if (!upload) return 'Request body too large.'
  const headers = new Headers()
  for (const name of ['cookie', 'accept-language']) headers.set(name, headerOf(req, name) ?? '')
  const request = new Request('http://localhost/', { headers })
  const user = await getSessionUser(request).catch(() => null)
  const lang = await requestLanguage(request, user?.id ?? null).catch(() => requestLanguage(request, null))
  return (lang === 'zh-Hans' ? zhHans : en).errorImportFileTooLarge
}

export async function limitRequestBodies(req: IncomingMessage, res: ServerResponse, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const declared = headerOf(req, 'content-length')
  const upload = UPLOAD_LIMITS.paths.includes(pathOf(req))
  const maxBytes = upload ? UPLOAD_LIMITS.maxBytes : FORM_LIMITS.maxBytes
  if (declared !== undefined && Number(declared) > maxBytes) return refuse(res, 413, await tooLargeText(req, upload))
  const type = mediaType(headerOf(req, 'content-type'))
  const hasBody = declared !== undefined ? Number(declared) > 0 : headerOf(req, 'transfer-encoding') !== undefined
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data' && (hasBody || type !== '')) {
    return refuse(res, 415, 'Only form submissions are accepted.')
  }
  let body: Buffer
  const timer = setTimeout(() => {
    refuse(res, 408, 'Request body too slow.')
    res.once('finish', () => req.socket.destroy())
  }, bodyTimeoutMs())
  try {
    body = await getRawBody(req, { length: declared, limit: maxBytes })
  } catch (error) {
    const kind = (error as { type?: string }).type
    if (kind === 'entity.too.large') return refuse(res, 413, await tooLargeText(req, upload))
    return refuse(res, 400, 'Unreadable request body.')
  } finally {
    clearTimeout(timer)
  }
  if (res.headersSent) return
  // latin1 keeps one character per byte, so a binary file part cannot shift the boundaries the check looks for.
  const text = body.toString(upload ? 'latin1' : 'utf8')
  const check: FormCheck =
    type === 'multipart/form-data' ? checkMultipart(headerOf(req, 'content-type')!, text, { allowFiles: upload }) : checkUrlEncoded(text)
  if (!check.ok) return refuse(res, check.status, check.reason)
  checkedBodies.set(req, body)
  next()
}
