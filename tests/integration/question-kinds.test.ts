import { count, eq } from 'drizzle-orm'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createRoutesStub } from 'react-router'
import { framingPairView } from '~/components/kinds/framing-pair'
import { clozeView } from '~/components/kinds/cloze'
import { en } from '~/i18n/en'
import { zhHans } from '~/i18n/zh-Hans'
import { describe, expect, it } from 'vitest'
import { openChecks, reviewLogs, reviewRequests, users } from '../../db/schema'
import type { Question, Verdict } from '~/domain/questions'
import { action, loader } from '~/routes/study'
import { recordReview } from '~/data/reviews.server'
import { requestReviews } from '~/data/study-queue.server'
import { freshDatabase } from '../support/db'
import { call, formRequest, getRequest, guestCookie } from '../support/routes'

type Card = { itemId: string; reviewId: string; question: Question }
type CheckData = { check: { itemId: string; reviewId: string; response: string; question: Question; verdict: Verdict } }

async function open(cookie: string | null, query = '') {
  cookie ??= await guestCookie()
  const res = await call<{ card: Card | null }>(loader, getRequest(`/decks/kinds/study${query}`, cookie), { deckId: 'kinds' })
  return { card: res.body.card, cookie }
}
const post = (cookie: string, fields: Record<string, string>) =>
  call<CheckData & { error: string }>(action, formRequest('/decks/kinds/study', fields, cookie), { deckId: 'kinds' })

/** A component rendered as the server would, under a root route whose data sets the interface language. */
function renderInRoot(uiLang: 'en' | 'zh-Hans', element: ReturnType<typeof createElement>) {
  return renderToStaticMarkup(
    createElement(
      createRoutesStub([
        { id: 'root', path: '/', loader: () => ({ lang: uiLang }), HydrateFallback: () => null, Component: () => element },
      ]),
      { initialEntries: ['/'], hydrationData: { loaderData: { root: { lang: uiLang } } } },
    ),
  )
}

describe('interactive kinds in review', () => {
  it('checks a typed answer without writing, then records the rating with the response graded by the server', async () => {
    const db = await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-typed-meeting-day')
    expect(card?.question).toEqual({ kind: 'typed' })
    const checked = await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: card!.itemId, response: '28 october 2025' })
    expect(checked.status).toBe(200)
    expect(checked.body.check.verdict).toMatchObject({ correct: true, suggestedRating: 3 })
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
    const recorded = await post(cookie!, {
      intent: 'review',
      reviewId: card!.reviewId,
      itemId: card!.itemId,
      rating: '3',
      response: '28 october 2025',
    })
    expect(recorded.status).toBe(302)
    const [log] = await db.select().from(reviewLogs)
    expect(log).toMatchObject({ response: '28 october 2025', correct: true, rating: 3 })
  })

  it('records a wrong answer as wrong whatever rating the learner picks (the browser cannot claim it was right)', async () => {
    const db = await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-typed-meeting-day')
    const checked = await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: card!.itemId, response: '29 October 2025' })
    expect(checked.body.check.verdict).toMatchObject({ correct: false, suggestedRating: 1 })
    expect(checked.body.check.verdict.detail).toMatchObject({ kind: 'typed', typed: '29 October 2025' })
    await post(cookie!, {
      intent: 'review',
      reviewId: card!.reviewId,
      itemId: card!.itemId,
      rating: '4',
      response: '29 October 2025',
      correct: 'true',
    })
    const [log] = await db.select().from(reviewLogs)
    expect(log).toMatchObject({ rating: 4, correct: false })
  })

  it('grades the choice the learner saw: the shuffle is rebuilt from the review id', async () => {
    await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-choice-asean-chair')
    if (card?.question.kind !== 'choice') throw new Error('expected a choice question')
    const malaysia = card.question.options.findIndex((o) => o.en === 'Malaysia')
    const right = await post(cookie!, { intent: 'check', reviewId: card.reviewId, itemId: card.itemId, response: String(malaysia) })
    expect(right.body.check.verdict.correct).toBe(true)
    // A second learner on the same showing (one learner's first check is kept: see below).
    const wrong = await post(await guestCookie(), {
      intent: 'check',
      reviewId: card.reviewId,
      itemId: card.itemId,
      response: String((malaysia + 1) % 4),
    })
    expect(wrong.body.check.verdict.correct).toBe(false)
  })

  it('accepts an ordering from the per-row selects a page without scripts submits', async () => {
    await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-ordering-autumn-trips')
    if (card?.question.kind !== 'ordering') throw new Error('expected an ordering question')
    const chronological = [
      'ASEAN-related summits in Kuala Lumpur',
      'APEC ministerial meeting in Gyeongju',
      "G7 foreign ministers' meeting in Niagara",
    ]
    const positions = Object.fromEntries(card.question.events.map((e, i) => [`order-${i}`, String(chronological.indexOf(e.en) + 1)]))
    const right = await post(cookie!, { intent: 'check', reviewId: card.reviewId, itemId: card.itemId, ...positions })
    expect(right.body.check.verdict.correct).toBe(true)
    const duplicate = await post(await guestCookie(), {
      intent: 'check',
      reviewId: card.reviewId,
      itemId: card.itemId,
      'order-0': '1',
      'order-1': '1',
      'order-2': '2',
    })
    expect(duplicate.body.check.verdict.correct).toBe(false)
  })

  it('refuses a framing pair with a side left blank: the same question back, the message beside it, nothing written', async () => {
    const db = await freshDatabase()
    const cookie = await guestCookie()
    const f = await open(cookie, '?card=kd-framing-pair-summit')
    if (f.card?.question.kind !== 'framing-pair') throw new Error('expected framing pair')
    const usersBefore = await db.select({ n: count() }).from(users)
    for (const sides of [
      { 'side-0': 'japanese-official', 'side-1': '' },
      { 'side-0': '', 'side-1': 'chinese-commentary' },
      { 'side-0': '', 'side-1': '' },
    ]) {
      const res = await call<{ incomplete: { itemId: string; reviewId: string; question: Question; given: string[] } }>(
        action,
        formRequest('/decks/kinds/study', { intent: 'check', reviewId: f.card.reviewId, itemId: f.card.itemId, ...sides }, cookie),
        { deckId: 'kinds' },
      )
      expect(res.status).toBe(400)
      // The page is rendered again with the question as it was shown and the side already chosen.
      expect(res.body.incomplete).toEqual({
        itemId: f.card.itemId,
        reviewId: f.card.reviewId,
        question: f.card.question,
        given: [sides['side-0'], sides['side-1']],
      })
    }
    expect(await db.select({ n: count() }).from(openChecks)).toEqual([{ n: 0 }])
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
    expect(await db.select({ n: count() }).from(users)).toEqual(usersBefore)
  })

  it("shows the refusal of a half-answered pair beside its blank select, in the learner's language, without scripts", () => {
    const question = {
      kind: 'framing-pair',
      sides: [
        { en: 'A', zh: '甲' },
        { en: 'B', zh: '乙' },
      ],
      options: ['chinese-commentary', 'japanese-official'],
    } as const
    for (const [uiLang, message] of [
      ['en', en.chooseWhoseSide],
      ['zh-Hans', zhHans.chooseWhoseSide],
    ] as const) {
      const html = renderInRoot(
        uiLang,
        createElement(framingPairView.Input, {
          question: { ...question, sides: [...question.sides], options: [...question.options] },
          mode: 'en',
          uiLang,
          requireComplete: true,
          given: ['japanese-official', ''],
        }),
      )
      expect(html.match(new RegExp(message, 'g'))).toHaveLength(1)
      expect(html).toMatch(/id="side-1"[^>]*aria-invalid="true"/)
      expect(html).toContain(`<p class="field-error side-error" id="side-1-error" aria-live="polite">${message}</p>`)
      expect(html).toContain('<option value="japanese-official" selected="">')
    }
  })

  it('puts a cloze read in both languages as two sentences, the answer box in the interface language’s only', () => {
    const question = {
      kind: 'cloze',
      before: { en: 'Back from Kuala Lumpur, Motegi joined the Japan–U.S. summit in ', zh: '从吉隆坡返回后，茂木次日在' },
      after: { en: ' the next day.', zh: '出席了日美首脑会谈。' },
    } as const
    const render = (uiLang: 'en' | 'zh-Hans', mode: 'en' | 'zh' | 'both') =>
      renderInRoot(
        uiLang,
        createElement(clozeView.Input, {
          question: { ...question, before: { ...question.before }, after: { ...question.after } },
          mode,
          uiLang,
        }),
      )
    // Each paragraph, with the one language all its text spans are in ('mixed' if they differ).
    const paragraphs = (html: string) =>
      [...html.matchAll(/<p class="([^"]+)">(.*?)<\/p>/g)].map((m) => {
        const langs = new Set([...m[2]!.matchAll(/lang="([^"]+)"/g)].map((l) => l[1]))
        return { cls: m[1], lang: langs.size === 1 ? [...langs][0] : 'mixed', inner: m[2]! }
      })
    for (const [uiLang, first, second] of [
      ['en', 'en', 'zh-Hans'],
      ['zh-Hans', 'zh-Hans', 'en'],
    ] as const) {
      const html = render(uiLang, 'both')
      const [answered, other, ...rest] = paragraphs(html)
      expect(rest).toEqual([])
      expect([answered!.lang, other!.lang]).toEqual([first, second])
      expect(answered!.inner).toContain('<input id="cloze-answer"')
      expect(other!.inner).not.toContain('<input')
      expect(other!.inner).toContain('＿＿＿')
      // Each sentence is in its own language only: no half of the other one around the box.
      const han = /[\u4e00-\u9fff]/
      expect(han.test((first === 'en' ? answered : other)!.inner)).toBe(false)
      expect((first === 'en' ? other : answered)!.inner).toContain('出席了日美首脑会谈。')
    }
    for (const mode of ['en', 'zh'] as const) {
      const only = paragraphs(render('en', mode))
      expect(only.map((p) => p.lang)).toEqual([mode === 'en' ? 'en' : 'zh-Hans'])
      expect(only[0]!.inner).toContain('<input id="cloze-answer"')
    }
  })

  it('matches pairs and framing sides from their selects', async () => {
    await freshDatabase()
    const m = await open(null, '?card=kd-matching-roles')
    if (m.card?.question.kind !== 'matching') throw new Error('expected matching')
    const roles = ['U.S. Secretary of State', 'Prime Minister of Malaysia', 'WTO Director-General']
    const fields = Object.fromEntries(
      roles.map((role, i) => [
        `match-${i}`,
        String((m.card!.question as Extract<Question, { kind: 'matching' }>).rights.findIndex((r) => r.en === role)),
      ]),
    )
    expect(
      (await post(m.cookie!, { intent: 'check', reviewId: m.card.reviewId, itemId: m.card.itemId, ...fields })).body.check.verdict.correct,
    ).toBe(true)
    const f = await open(m.cookie, '?card=kd-framing-pair-summit')
    if (f.card?.question.kind !== 'framing-pair') throw new Error('expected framing pair')
    const whose = f.card.question.sides.map((s) => (s.en.startsWith('A friendly') ? 'japanese-official' : 'chinese-commentary'))
    expect(
      (
        await post(m.cookie!, {
          intent: 'check',
          reviewId: f.card.reviewId,
          itemId: f.card.itemId,
          'side-0': whose[0]!,
          'side-1': whose[1]!,
        })
      ).body.check.verdict.correct,
    ).toBe(true)
    expect(
      (
        await post(await guestCookie(), {
          intent: 'check',
          reviewId: f.card.reviewId,
          itemId: f.card.itemId,
          'side-0': whose[1]!,
          'side-1': whose[0]!,
        })
      ).body.check.verdict.correct,
    ).toBe(false)
  })

  it('keeps the first check of a showing: a second check, a reload and the rating all use it, until the card is rated', async () => {
    const db = await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-typed-meeting-day')
    const first = await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: card!.itemId, response: '29 October 2025' })
    expect(first.body.check.verdict.correct).toBe(false)
    // Trying again, on this showing or on a fresh one (another tab's review id), returns the first verdict.
    const again = await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: card!.itemId, response: '28 October 2025' })
    expect(again.body.check).toMatchObject({ reviewId: card!.reviewId, response: '29 October 2025', verdict: { correct: false } })
    const otherTab = await post(cookie!, {
      intent: 'check',
      reviewId: 'another-showing',
      itemId: card!.itemId,
      response: '28 October 2025',
    })
    expect(otherTab.body.check).toMatchObject({ reviewId: card!.reviewId, verdict: { correct: false } })
    // A reload shows the same showing with its verdict, not a fresh question.
    const reloaded = await call<{ card: Card & { check: CheckData['check'] | null } }>(
      loader,
      getRequest('/decks/kinds/study?card=kd-typed-meeting-day', cookie!),
      { deckId: 'kinds' },
    )
    expect(reloaded.body.card.reviewId).toBe(card!.reviewId)
    expect(reloaded.body.card.check).toMatchObject({ response: '29 October 2025', verdict: { correct: false } })
    // A rating from another showing is refused; the rating of this one is graded on the first check.
    const forged = await post(cookie!, {
      intent: 'review',
      reviewId: 'another-showing',
      itemId: card!.itemId,
      rating: '3',
      response: '28 October 2025',
    })
    expect(forged.status).toBe(409)
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
    await post(cookie!, { intent: 'review', reviewId: card!.reviewId, itemId: card!.itemId, rating: '3', response: '28 October 2025' })
    const [log] = await db.select().from(reviewLogs)
    expect(log).toMatchObject({ response: '29 October 2025', correct: false })
    expect(await db.select({ n: count() }).from(openChecks)).toEqual([{ n: 0 }])
    // Rated: the next showing of the card is a fresh question again.
    const next = await call<{ card: Card & { check: unknown } }>(
      loader,
      getRequest('/decks/kinds/study?card=kd-typed-meeting-day', cookie!),
      { deckId: 'kinds' },
    )
    expect(next.body.card.check).toBeNull()
    expect(next.body.card.reviewId).not.toBe(card!.reviewId)
  })

  it('grades a rating that leaves out the response on the check, and refuses one of another showing without a response too', async () => {
    const db = await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-typed-meeting-day')
    await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: card!.itemId, response: '29 October 2025' })
    // Another showing, rated with no response at all: still a second try of a checked card.
    const forged = await post(cookie!, { intent: 'review', reviewId: 'another-showing-2', itemId: card!.itemId, rating: '4' })
    expect(forged.status).toBe(409)
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
    // This showing, with no response: graded on its check, not counted as a self-rated success.
    expect((await post(cookie!, { intent: 'review', reviewId: card!.reviewId, itemId: card!.itemId, rating: '4' })).status).toBe(302)
    const [log] = await db.select().from(reviewLogs)
    expect(log).toMatchObject({ id: card!.reviewId, response: '29 October 2025', correct: false })
    expect(await db.select({ n: count() }).from(openChecks)).toEqual([{ n: 0 }])
  })

  it('lets a check left unrated for a day go: the card is a fresh question again', async () => {
    const db = await freshDatabase()
    const { card, cookie } = await open(null, '?card=kd-typed-meeting-day')
    await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: card!.itemId, response: '29 October 2025' })
    await db.update(openChecks).set({ checkedAt: Date.now() - 25 * 3_600_000 })
    const later = await call<{ card: Card & { check: unknown } }>(
      loader,
      getRequest('/decks/kinds/study?card=kd-typed-meeting-day', cookie!),
      { deckId: 'kinds' },
    )
    expect(later.body.card.check).toBeNull()
    const fresh = await post(cookie!, {
      intent: 'check',
      reviewId: later.body.card.reviewId,
      itemId: card!.itemId,
      response: '28 October 2025',
    })
    expect(fresh.body.check).toMatchObject({ reviewId: later.body.card.reviewId, verdict: { correct: true } })
  })

  it('refuses a check for an unknown card, writing nothing', async () => {
    const db = await freshDatabase()
    const { card, cookie } = await open(null)
    const res = await post(cookie!, { intent: 'check', reviewId: card!.reviewId, itemId: 'no-such-item', response: 'x' })
    expect(res.status).toBe(404)
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
  })

  it('puts requested items (missed in a quiz) first, until answered once', async () => {
    const db = await freshDatabase()
    const { cookie } = await open(null)
    const [user] = await db.select().from(users)
    await db.insert(reviewRequests).values({ userId: user!.id, itemId: 'kd-matching-roles', requestedAt: Date.now() })
    const { card } = await open(cookie)
    expect(card?.itemId).toBe('kd-matching-roles')
    await post(cookie!, { intent: 'review', reviewId: card!.reviewId, itemId: card!.itemId, rating: '3', response: '0,1,2' })
    expect(await db.select().from(reviewRequests).where(eq(reviewRequests.userId, user!.id))).toEqual([])
  })

  it('puts requested items before a learning card that is due now', async () => {
    const db = await freshDatabase()
    const { cookie } = await open(null)
    const [user] = await db.select().from(users)
    // An hour ago the learner pressed Again on a card: its next learning step is due now.
    await recordReview(db, {
      userId: user!.id,
      itemId: 'kd-typed-meeting-day',
      reviewId: 'r-learning',
      rating: 1,
      durationMs: 1000,
      now: Date.now() - 3_600_000,
      response: 'no idea',
    })
    expect((await open(cookie)).card?.itemId).toBe('kd-typed-meeting-day')
    await requestReviews(db, user!.id, ['kd-matching-roles'], Date.now())
    expect((await open(cookie)).card?.itemId).toBe('kd-matching-roles')
  })
})
