/**
 * The offline study app: what the service worker serves for a study page (or the deck list) when there is
 * no network. A small in-memory React Router whose loader and action do what the server's study route does,
 * against the phone's IndexedDB, with the same domain modules and the same study components.
 */
import { useState } from 'react'
import {
  createMemoryRouter,
  data,
  Form,
  Link,
  Outlet,
  redirect,
  RouterProvider,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router'
import { CardView } from '~/components/card-view'
import { QUESTION_FORM_ID, QuestionForm } from '~/components/questions/question-form'
import { VerdictView } from '~/components/questions/verdict-view'
import { RatingBar, useStudyKeys } from '~/components/rating-bar'
import { gradeResponse, readFormResponse } from '~/domain/questions'
import { isRating, newCard, previewIntervals, scheduleReview, State, type StoredCard } from '~/domain/scheduling'
import { formatDueTime, formatInterval, isLang, type Lang } from '~/i18n'
import { useLang, useT } from '~/i18n/react'
import { keptItem, nextCard, questionOf } from './engine'
import type { KeptDeck } from './kept-deck'
import { formatBytes } from './format'
import { OfflineIndicator } from './indicator'
import { cardsFor, keepFirstCheck, keptDeck, keptDecks, openChecks, outbox, recordLocally, undoStack } from './store'
import { requestBackgroundSync } from './triggers'
import { messageText, msg } from '~/i18n/keys'
import { RouteErrorBoundary } from '~/components/error-page'
import { skipRevalidationAfterCheck } from '~/utils/revalidation'
import { checkUsedUp } from '~/domain/open-check'

function uiLanguage(): Lang {
  const stored = localStorage.getItem('sd-lang')
  return isLang(stored) ? stored : navigator.language.toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en'
}

/**
 * The kept deck and its card states, read from IndexedDB once per page: nothing else changes them while this
 * page studies offline (each answer updates both IndexedDB and this copy), so the next card costs no reread.
 */
let session: { deck: KeptDeck; cards: Map<string, StoredCard> } | null = null
async function studySession(deckId: string) {
  if (session?.deck.deckId === deckId) return session
  const deck = await keptDeck(deckId)
  if (!deck) return null
  session = {
    deck,
    cards: await cardsFor(
      deck.userId,
      deck.items.map((k) => k.item.id),
    ),
  }
  return session
}

async function studyLoader({ params, request }: LoaderFunctionArgs) {
  const current = await studySession(params.deckId!)
  if (!current) return { deck: null }
  const { deck, cards } = current
  const lang = uiLanguage()
  const now = Date.now()
  const waiting = await outbox()
  const answered = new Set(waiting.flatMap((e) => (e.event.type === 'answer' ? [e.event.itemId] : [])))
  const requested = deck.requested.filter((id) => !answered.has(id))
  const prefer = new URL(request.url).searchParams.get('card')
  // A card already checked comes back as that showing, with its verdict: a reload is not a second try.
  const open = (await openChecks(deck.userId, deck.deckId, now)).filter((c) => !checkUsedUp(c, cards.get(c.itemId)))
  const checked = open.find((c) => keptItem(deck, c.itemId) && (!prefer || prefer === c.itemId)) ?? null
  const next = checked
    ? ({ kind: queueOf(cards.get(checked.itemId)), itemId: checked.itemId } as const)
    : prefer && keptItem(deck, prefer)
      ? ({ kind: 'learning', itemId: prefer } as const)
      : nextCard(deck, cards, requested, waiting, now)
  const summary = { title: deck.title, deckId: deck.deckId, cardLanguage: deck.settings.cardLanguage }
  if (next.kind === 'done')
    return {
      deck: summary,
      card: null,
      nextDueText: next.nextDue === null ? null : formatDueTime(next.nextDue, lang, deck.settings.timeZone),
    }
  const kept = keptItem(deck, next.itemId)!
  const card = cards.get(next.itemId) ?? newCard(now)
  const reviewId = checked?.reviewId ?? crypto.randomUUID()
  const question = questionOf(deck, kept, reviewId)
  const intervals = previewIntervals(card, now, deck.settings.desiredRetention, deck.weights)
  return {
    deck: summary,
    nextDueText: null,
    card: {
      itemId: next.itemId,
      queue: next.kind,
      content: kept.content,
      question,
      check: checked
        ? {
            itemId: kept.item.id,
            reviewId,
            response: checked.response,
            question,
            verdict: gradeResponse(kept.item, question, checked.response),
          }
        : null,
      intervals: Object.fromEntries(Object.entries(intervals).map(([r, ms]) => [r, formatInterval(ms, lang)])) as Record<
        '1' | '2' | '3' | '4',
        string
      >,
      reviewId,
      shownAt: now,
      state: card.state,
    },
  }
}

async function studyAction({ params, request }: ActionFunctionArgs) {
  const current = await studySession(params.deckId!)
  if (!current) throw data({ message: msg('offlineNotKeptHere') }, { status: 404 })
  const { deck, cards } = current
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]))
  const here = `/decks/${encodeURIComponent(deck.deckId)}/study`
  const now = Date.now()
  if (form.intent === 'undo') {
    const stack = await undoStack(deck.userId)
    const last = stack[stack.length - 1]
    if (!last) return redirect(`${here}?msg=nothing`)
    await recordLocally(
      { userId: deck.userId, deckId: deck.deckId, event: { type: 'undo', reviewId: last.reviewId, undoneAt: now } },
      last.itemId,
      last.before,
      { pop: true },
    )
    if (last.before) cards.set(last.itemId, last.before)
    else cards.delete(last.itemId)
    void requestBackgroundSync()
    return redirect(`${here}?card=${encodeURIComponent(last.itemId)}&msg=undone`)
  }
  const kept = keptItem(deck, form.itemId ?? '')
  if (!kept || !form.reviewId)
    return data({ message: msg('errorNoSuchCard'), error: 'There is no such card in this deck.' }, { status: 404 })
  const response = readFormResponse(form) ?? form.response
  if (form.intent === 'check') {
    // Checking schedules nothing; the first check of a showing is kept, so a reload or a second post cannot retry it.
    const first = await keepFirstCheck(
      deck.userId,
      deck.deckId,
      {
        itemId: kept.item.id,
        reviewId: form.reviewId,
        response: response ?? '',
        checkedAt: now,
      },
      cards.get(kept.item.id)?.reps ?? 0,
    )
    if (first.reviewId === form.reviewId) void requestBackgroundSync()
    const question = questionOf(deck, kept, first.reviewId)
    const verdict = gradeResponse(kept.item, question, first.response)
    return { check: { itemId: kept.item.id, reviewId: first.reviewId, response: first.response, question, verdict } }
  }
  const question = questionOf(deck, kept, form.reviewId)
  const rating = Number(form.rating)
  if (!isRating(rating))
    return data({ message: msg('errorBadForm'), error: 'rating: must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)' }, { status: 400 })
  const before = cards.get(kept.item.id) ?? null
  const after = scheduleReview(before ?? newCard(now), rating, now, deck.settings.desiredRetention, deck.weights)
  const durationMs = Math.min(600_000, Math.max(0, Number(form.durationMs) || now - Number(form.shownAt || now)))
  await recordLocally(
    {
      userId: deck.userId,
      deckId: deck.deckId,
      event: {
        type: 'answer',
        id: form.reviewId,
        itemId: kept.item.id,
        rating,
        answeredAt: now,
        durationMs,
        retention: deck.settings.desiredRetention,
        ...(response !== undefined && question.kind !== 'flip' ? { response } : {}),
      },
      before: before ?? newCard(now),
    },
    kept.item.id,
    after,
    { push: { reviewId: form.reviewId, itemId: kept.item.id, deckId: deck.deckId, before } },
  )
  cards.set(kept.item.id, after)
  void requestBackgroundSync()
  return redirect(here)
}

/** The queue a checked card is shown under again: what its state makes it. */
function queueOf(card: StoredCard | undefined) {
  if (!card || card.state === State.New) return 'new'
  return card.state === State.Review ? 'review' : 'learning'
}

type StudyData = Awaited<ReturnType<typeof studyLoader>>
type ActionResult = Awaited<ReturnType<typeof studyAction>>

function OfflineStudy({ loaderData, actionData }: { loaderData: StudyData; actionData: ActionResult | undefined }) {
  const t = useT()
  const lang = useLang()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const [revealedFor, setRevealedFor] = useState<string | null>(null)
  const card = 'card' in loaderData ? loaderData.card : null
  const check =
    (actionData && typeof actionData === 'object' && 'check' in actionData && card && actionData.check.itemId === card.itemId
      ? actionData.check
      : null) ??
    card?.check ??
    null
  const reviewId = check?.reviewId ?? card?.reviewId ?? ''
  const question = check?.question ?? card?.question
  const interactive = question ? question.kind !== 'flip' : false
  const revealed = card ? (interactive ? check !== null : revealedFor === card.reviewId) : false
  useStudyKeys({
    enabled: Boolean(card),
    answering: interactive && !revealed,
    revealed,
    onReveal: () => card && setRevealedFor(card.reviewId),
  })
  if (!loaderData.deck) {
    return (
      <section className="done">
        <p>{t.offlineNotKeptHere}</p>
        <Link to="/" className="button">
          {t.backToDecks}
        </Link>
      </section>
    )
  }
  const { deck } = loaderData
  const params = new URLSearchParams(location.search)
  const notice = params.get('msg') === 'undone' ? t.undone : params.get('msg') === 'nothing' ? t.nothingToUndo : null
  return (
    <div className="study" data-offline-study="">
      <div className="study-head">
        <Link to="/" className="back-link">
          ← {t.backToDecks}
        </Link>
        <h1 className="study-title">{lang === 'en' ? deck.title.en : deck.title.zh}</h1>
        <Form method="post" className="undo-form" id="undo-form">
          <input type="hidden" name="intent" value="undo" />
          <button type="submit" className="secondary small" aria-label={t.undoLabel} disabled={busy}>
            {t.undo}
          </button>
        </Form>
      </div>
      <div role="status" aria-live="polite" className="notice">
        {notice}
      </div>
      {actionData && typeof actionData === 'object' && 'message' in actionData ? (
        <p role="alert" className="error">
          {messageText(t, actionData.message) ?? t.errorReload}
        </p>
      ) : null}
      {card && question ? (
        <>
          <p className="queue-label">{t.cardOf(card.queue)}</p>
          <CardView content={card.content} mode={deck.cardLanguage} uiLang={lang} revealed={revealed}>
            {interactive && !revealed ? (
              <QuestionForm
                question={question}
                hidden={{ intent: 'check', reviewId, itemId: card.itemId }}
                mode={deck.cardLanguage}
                uiLang={lang}
                requireComplete
              />
            ) : null}
            {check ? <VerdictView question={check.question} verdict={check.verdict} mode={deck.cardLanguage} uiLang={lang} /> : null}
          </CardView>
          {interactive && !revealed ? (
            <div className="bottom-bar">
              <button type="submit" form={QUESTION_FORM_ID} className="button primary reveal" disabled={busy}>
                {t.check}
              </button>
            </div>
          ) : (
            <RatingBar
              card={{ ...card, reviewId }}
              revealed={revealed}
              busy={busy}
              onReveal={() => setRevealedFor(card.reviewId)}
              suggested={check?.verdict.suggestedRating}
              response={check?.response}
            />
          )}
        </>
      ) : (
        <section className="done" aria-labelledby="done-title">
          <h2 id="done-title">{t.doneTitle}</h2>
          <p>{loaderData.nextDueText ? t.doneNextAt(loaderData.nextDueText) : t.doneNothing}</p>
          <Link to="/" className="button">
            {t.backToDecks}
          </Link>
        </section>
      )}
    </div>
  )
}

async function listLoader() {
  const decks = await keptDecks()
  return { decks: decks.map((d) => ({ deckId: d.deckId, title: d.title, bytes: d.bytes, items: d.items.length })) }
}

function KeptDeckList({ loaderData }: { loaderData: Awaited<ReturnType<typeof listLoader>> }) {
  const t = useT()
  const lang = useLang()
  return (
    <section aria-labelledby="kept-title">
      <h1 id="kept-title">{t.offlineKeptDecksTitle}</h1>
      {loaderData.decks.length === 0 ? <p>{t.offlineNoKeptDecks}</p> : null}
      <ul className="deck-list">
        {loaderData.decks.map((d) => (
          <li key={d.deckId} className="deck-card">
            <h2>{lang === 'en' ? d.title.en : d.title.zh}</h2>
            <p>
              {t.itemsInDeck(d.items)} · {t.offlineKept(formatBytes(d.bytes))}
            </p>
            <Link to={`/decks/${encodeURIComponent(d.deckId)}/study`} className="button primary">
              {t.study}
            </Link>
          </li>
        ))}
      </ul>
      <p className="hint">{t.offlineStorageNote}</p>
    </section>
  )
}

function Shell() {
  const t = useT()
  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">
          {t.appName}
        </Link>
      </header>
      <main id="main">
        <OfflineIndicator />
        <Outlet />
      </main>
    </>
  )
}

const router = createMemoryRouter(
  [
    {
      id: 'root',
      path: '/',
      loader: () => ({ lang: uiLanguage() }),
      shouldRevalidate: skipRevalidationAfterCheck,
      Component: Shell,
      children: [
        { index: true, loader: listLoader, Component: () => <KeptDeckList loaderData={useLoaderDataOf<typeof listLoader>()} /> },
        {
          path: 'decks/:deckId/study',
          loader: studyLoader,
          action: studyAction,
          ErrorBoundary: RouteErrorBoundary,
          shouldRevalidate: skipRevalidationAfterCheck,
          Component: () => (
            <OfflineStudy loaderData={useLoaderDataOf<typeof studyLoader>()} actionData={useActionDataOf<typeof studyAction>()} />
          ),
        },
        { path: '*', loader: listLoader, Component: () => <KeptDeckList loaderData={useLoaderDataOf<typeof listLoader>()} /> },
      ],
    },
  ],
  { initialEntries: [location.pathname + location.search] },
)

// Keep the address bar in step with the in-memory router, so a reload opens the same page.
router.subscribe((state) => {
  const path = state.location.pathname + state.location.search
  if (path !== location.pathname + location.search) history.replaceState(null, '', path)
})

function useLoaderDataOf<T extends (...args: never[]) => unknown>() {
  return useLoaderData() as Awaited<ReturnType<T>>
}
function useActionDataOf<T extends (...args: never[]) => unknown>() {
  return useActionData() as Awaited<ReturnType<T>> | undefined
}

export function OfflineApp() {
  const lang = uiLanguage()
  document.documentElement.lang = lang
  return <RouterProvider router={router} />
}
