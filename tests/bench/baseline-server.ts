/**
 * The ceiling for this stack: the same session lookup and review write as the study action, from a bare
 * node:http handler with no framework. Run by the bench beside the real server.
 */
import { createServer } from 'node:http'
import { getDb } from '~/utils/db.server'
import { recordReview } from '~/data/reviews.server'
import { GROUP_WINDOW_MS } from '~/data/group-commit.server'
import { createGuest, getSessionUser } from '~/utils/session.server'

const port = Number(process.env.PORT ?? 3400)
const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    if (req.url?.startsWith('/decks/')) {
      // A new learner (guest), as the app creates at a visitor's first write.
      void createGuest(new Request('http://x/')).then(({ setCookie }) => res.writeHead(200, { 'Set-Cookie': setCookie }).end())
      return
    }
    res.writeHead(req.url === '/healthz' ? 200 : 405).end('ok')
    return
  }
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', async () => {
    try {
      const form = new URLSearchParams(Buffer.concat(chunks).toString())
      const headers = new Headers({ Cookie: req.headers.cookie ?? '' })
      const user = await getSessionUser(new Request('http://x/', { headers }))
      if (!user) return void res.writeHead(401).end()
      const result = await recordReview(
        getDb(),
        {
          userId: user.id,
          itemId: form.get('itemId') ?? '',
          reviewId: form.get('reviewId') ?? '',
          rating: Number(form.get('rating')) as 1 | 2 | 3 | 4,
          durationMs: 1000,
          now: Date.now(),
        },
        { groupWindowMs: GROUP_WINDOW_MS },
      )
      res.writeHead(result.status === 'recorded' || result.status === 'duplicate' ? 302 : 409, { Location: '/' }).end()
    } catch (error) {
      console.error(error)
      res.writeHead(500).end()
    }
  })
})
server.listen(port, '127.0.0.1')
