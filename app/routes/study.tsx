import { randomUUID } from 'node:crypto'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/study'
import { CardView } from '~/components/card-view'
import { RatingBar, useStudyKeys } from '~/components/rating-bar'
import { toCardContent } from '~/domain/card-content'
import type { ContentItem } from '~/domain/content/schema'
import { formatDueTime, formatInterval } from '~/i18n'
import { useLang, useT } from '~/i18n/react'
import { sourceDocs } from '~/utils/content.server'
import { getDb } from '~/utils/db.server'
import { requestLanguage } from '~/utils/lang.server'
import { deckExists, deckSummaries, nextStudyState, recordReview, undoLastReview } from '~/utils/progress.server'
import { parseStudyForm, reviewDuration } from '~/utils/review-input.server'
import { getSessionUser, requireLearner } from '~/utils/session.server'
import { useState } from 'react'

export async function loader({ request, params }: Route.LoaderArgs) {
  const db = getDb()
  const deck = await deckExists(db, params.deckId)
  if (!deck) throw data(`There is no deck "${params.deckId}".`, { status: 404 })
  const { user, setCookie } = await requireLearner(request)
  const url = new URL(request.url)
  const now = Date.now()
  const preferItemId = url.searchParams.get('card') ?? undefined
  const [state, lang, sources, summaries] = await Promise.all([
    nextStudyState(db, user.id, deck.id, now, preferItemId),
    requestLanguage(request, user.id),
    sourceDocs(db),
    deckSummaries(db, user.id, now),
  ])
  const summary = summaries.find((d) => d.id === deck.id)
  const newLeft = Math.max(0, state.settings.newPerDay - state.progress.newToday)
  const common = {
    deck: { id: deck.id, title: deck.data.title },
    remaining: { fresh: Math.min(summary?.fresh ?? 0, newLeft), learning: summary?.learning ?? 0, due: summary?.due ?? 0 },
    cardLanguage: state.settings.cardLanguage,
    notice: url.searchParams.get('msg') === 'undone' ? ('undone' as const) : url.searchParams.get('msg') === 'nothing' ? ('nothing' as const) : null,
  }
  const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined
  if (state.status === 'done') {
    return data(
      { ...common, card: null, nextDueText: state.nextDue === null ? null : formatDueTime(state.nextDue, lang, state.settings.timeZone) },
      { headers },
    )
  }
  const { card } = state
  return data(
    {
      ...common,
      nextDueText: null,
      card: {
        itemId: card.itemId,
        queue: card.queue,
        content: toCardContent(card.item as unknown as ContentItem, sources),
        intervals: Object.fromEntries(Object.entries(card.intervals).map(([r, ms]) => [r, formatInterval(ms, lang)])) as Record<'1' | '2' | '3' | '4', string>,
        reviewId: randomUUID(),
        shownAt: now,
        revealed: url.searchParams.get('reveal') === '1',
      },
    },
    { headers },
  )
}

export async function action({ request, params }: Route.ActionArgs) {
  const db = getDb()
  const user = await getSessionUser(request)
  if (!user) return data({ error: 'Your session has ended: reload the page to continue as a guest.' }, { status: 401 })
  const parsed = parseStudyForm(await request.formData())
  if (!parsed.ok) return data({ error: parsed.error }, { status: 400 })
  const form = parsed.value
  const studyUrl = `/decks/${encodeURIComponent(params.deckId)}/study`
  const now = Date.now()
  if (form.intent === 'undo') {
    const result = await undoLastReview(db, user.id, now)
    if (result.status === 'undone') return redirect(`${studyUrl}?card=${encodeURIComponent(result.itemId)}&msg=undone`)
    return redirect(`${studyUrl}?msg=nothing`)
  }
  // The deck and the card's membership are checked inside recordReview's single read (the hot path).
  const result = await recordReview(db, {
    userId: user.id,
    itemId: form.itemId,
    deckId: params.deckId,
    reviewId: form.reviewId,
    rating: form.rating,
    durationMs: reviewDuration(form, now),
    now,
  })
  switch (result.status) {
    case 'recorded':
    case 'duplicate':
      return redirect(studyUrl)
    case 'unknown-item':
      return data({ error: `There is no card "${form.itemId}".` }, { status: 404 })
    case 'not-in-deck':
      return data({ error: `Card "${form.itemId}" is not in deck "${params.deckId}".` }, { status: 404 })
    case 'id-conflict':
      return data({ error: 'This review id was already used for a different answer; nothing was recorded.' }, { status: 409 })
    case 'stale':
      return data({ error: 'This card was answered elsewhere in the meantime; nothing was recorded. Reload to continue.' }, { status: 409 })
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.deck.title.en} · Sourcedeck` : 'Sourcedeck' }]
}

export default function Study({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { deck, card, remaining } = loaderData
  const title = lang === 'en' ? deck.title.en : deck.title.zh
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  // Revealed state lives in the client; without JavaScript "Show answer" is a link to ?reveal=1.
  const [revealedFor, setRevealedFor] = useState<string | null>(null)
  const revealed = card ? card.revealed || revealedFor === card.reviewId : false
  useStudyKeys({ enabled: Boolean(card), revealed, onReveal: () => card && setRevealedFor(card.reviewId) })

  return (
    <div className="study">
      <div className="study-head">
        <Link to="/" className="back-link">← {t.backToDecks}</Link>
        <h1 className="study-title">{title}</h1>
        <p className="counts" aria-label={t.remaining(remaining)}>
          <span className="count-new">{remaining.fresh}</span>
          <span className="count-learning">{remaining.learning}</span>
          <span className="count-due">{remaining.due}</span>
        </p>
        <Form method="post" className="undo-form" id="undo-form">
          <input type="hidden" name="intent" value="undo" />
          <button type="submit" className="secondary small" aria-label={t.undoLabel} disabled={busy}>
            {t.undo}
          </button>
        </Form>
      </div>
      <div role="status" aria-live="polite" className="notice">
        {loaderData.notice === 'undone' ? t.undone : loaderData.notice === 'nothing' ? t.nothingToUndo : null}
      </div>
      {actionData && 'error' in actionData ? (
        <p role="alert" className="error">{actionData.error}</p>
      ) : null}
      {card ? (
        <>
          <p className="queue-label">{t.cardOf(card.queue)}</p>
          <CardView content={card.content} mode={loaderData.cardLanguage} uiLang={lang} revealed={revealed} />
          <p className="keyboard-help">{t.keyboardHelp}</p>
          <RatingBar card={card} revealed={revealed} busy={busy} onReveal={() => setRevealedFor(card.reviewId)} />
        </>
      ) : (
        <section className="done" aria-labelledby="done-title">
          <h2 id="done-title">{t.doneTitle}</h2>
          <p>{loaderData.nextDueText ? t.doneNextAt(loaderData.nextDueText) : t.doneNothing}</p>
          <Link to="/" className="button">{t.backToDecks}</Link>
        </section>
      )}
    </div>
  )
}
