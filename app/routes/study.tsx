import { randomUUID } from 'node:crypto'
import { lazy, Suspense, useState } from 'react'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/study'
import { CardView } from '~/components/card-view'
import { QUESTION_FORM_ID, QuestionForm } from '~/components/questions/question-form'
import { VerdictView } from '~/components/questions/verdict-view'
import { useHydrated } from '~/components/questions/use-hydrated'
import { RatingBar, revealHref, useStudyKeys } from '~/components/rating-bar'
import { toCardContent } from '~/domain/card-content'
import { blankSides, gradeResponse, isInteractive } from '~/domain/questions'
import { formatDueInWords, formatInterval, type Messages } from '~/i18n'
import { studyDateAt, studyDayAt } from '~/domain/study-day'
import { getSettings } from '~/data/settings.server'
import { EXTRA_NEW_CARDS, extendNewCards } from '~/data/new-card-extensions.server'
import { useLang, useT } from '~/i18n/react'
import { sourceDocs, speakers as speakerList } from '~/data/content.server'
import { getDb } from '~/utils/db.server'
import { languageFor } from '~/utils/lang.server'
import { deckExists, deckSummaries } from '~/data/decks.server'
import { deckDayProgress, nextStudyState } from '~/data/study-queue.server'
import { cardInfo } from '~/data/holds.server'
import { recordReview, undoLastReview } from '~/data/reviews.server'
import { GROUP_WINDOW_MS } from '~/data/group-commit.server'
import { noteAnswer } from '~/data/fsrs-optimizer-queue.server'
import { deckItem, questionFor } from '~/data/questions.server'
import { keepFirstCheck, openCheckFor } from '~/data/open-checks.server'
import { parseStudyForm, reviewDuration } from '~/utils/review-input.server'
import { currentUser, requireLearner } from '~/utils/access.server'
import { visitorSettings } from '~/utils/session.server'
import { errorPage, failure } from '~/utils/http-errors.server'
import { pageTitle, metaLang } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'
import { skipRevalidationAfterCheck } from '~/utils/revalidation'

/** Keeping the deck for offline study and the sync indicator (issue 11): loaded after the page, in its own chunk. */
const OfflineKeeper = lazy(() => import('~/offline/keeper'))
/**
 * Card info, suspend, bury and report sit below the card: their own chunk, fetched while the card is read. The
 * server renders them, so the page keeps its layout while the chunk loads (a suspended boundary keeps its HTML).
 */
const CardTools = lazy(() => import('~/components/card-tools').then((m) => ({ default: m.CardTools })))

/** A visitor without a session studies as nobody: defaults, no progress, nothing written until they answer. */
const VISITOR_ID = ''

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const db = getDb()
  const user = currentUser(context)
  const deck = await deckExists(db, params.deckId, user?.id ?? null)
  if (!deck) throw errorPage('errorNoSuchDeck', 404)
  const url = new URL(request.url)
  const now = Date.now()
  const preferItemId = url.searchParams.get('card') ?? undefined
  const [state, sources, speakers, summaries] = await Promise.all([
    nextStudyState(db, user?.id ?? VISITOR_ID, deck.id, now, preferItemId, user ? undefined : await visitorSettings(request)),
    sourceDocs(db),
    speakerList(db),
    deckSummaries(db, user?.id ?? null, now, deck.id),
  ])
  const summary = summaries[0]
  const lang = languageFor(request, state.settings.uiLanguage)
  const newLeft = Math.max(0, state.settings.newPerDay - state.progress.newToday)
  const common = {
    deck: { id: deck.id, title: deck.data.title },
    remaining: { fresh: Math.min(summary?.fresh ?? 0, newLeft), learning: summary?.learning ?? 0, due: summary?.due ?? 0 },
    cardLanguage: state.settings.cardLanguage,
    learner: user !== null,
    notice: studyNotice(url.searchParams.get('msg')),
    timeZone: state.settings.timeZone,
  }
  if (state.status === 'done') {
    // The end of a session: what was done here today, when the next card is due, and what to do next.
    const today = user ? await deckDayProgress(db, user.id, deck.id, studyDayAt(now, state.settings.timeZone).start) : null
    // Only the shared new-card limit stops them (unstarted cards are left): offer to raise it, once a day.
    const limitStops = (summary?.fresh ?? 0) > 0 && newLeft === 0 && !state.extendedToday
    return {
      ...common,
      card: null,
      nextDueText: state.nextDue === null ? null : formatDueInWords(state.nextDue, now, lang, state.settings.timeZone),
      session:
        today && today.answered > 0
          ? {
              answered: today.answered,
              percentRight: Math.round((100 * today.right) / today.answered),
              minutes: Math.max(1, Math.round(today.durationMs / 60_000)),
            }
          : null,
      offers: { studyMore: limitStops ? EXTRA_NEW_CARDS : null, newLimit: state.settings.newPerDay, signUp: user?.kind !== 'account' },
    }
  }
  const { card } = state
  const item = card.item
  // "Why this card now": its memory state and last answers (a visitor has none yet).
  const [info, open] = user
    ? await Promise.all([
        cardInfo(db, user.id, card.itemId, now, state.settings.desiredRetention, state.settings.leechThreshold),
        isInteractive(item.kind) ? openCheckFor(db, user.id, card.itemId, now) : null,
      ])
    : [null, null]
  // The review id also seeds the question's shuffle, so the server can rebuild exactly what was shown. A card
  // already checked comes back as that showing, with its verdict: a reload is not a second try.
  const reviewId = open?.reviewId ?? randomUUID()
  const question = await questionFor(db, item, reviewId)
  return {
    ...common,
    nextDueText: null,
    session: null,
    offers: null,
    card: {
      itemId: card.itemId,
      queue: card.queue,
      content: toCardContent(item, sources, speakers),
      question,
      check: open
        ? { itemId: card.itemId, reviewId, response: open.response, question, verdict: gradeResponse(item, question, open.response) }
        : null,
      intervals: Object.fromEntries(Object.entries(card.intervals).map(([r, ms]) => [r, formatInterval(ms, lang)])) as Record<
        '1' | '2' | '3' | '4',
        string
      >,
      reviewId,
      shownAt: now,
      revealed: url.searchParams.get('reveal') === '1',
      info,
    },
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const db = getDb()
  const parsed = parseStudyForm(await request.formData())
  if (!parsed.ok) return failure('errorBadForm', 400, parsed.error)
  const form = parsed.value
  const studyUrl = `/decks/${encodeURIComponent(params.deckId)}/study`
  const now = Date.now()
  if (form.intent === 'undo') {
    const user = currentUser(context)
    const result = user ? await undoLastReview(db, user.id, now) : ({ status: 'nothing' } as const)
    if (result.status === 'undone') return redirect(`${studyUrl}?card=${encodeURIComponent(result.itemId)}&msg=undone`)
    return redirect(`${studyUrl}?msg=nothing`)
  }
  if (form.intent === 'study-more') {
    // A visitor's first write makes them a guest; taking the extra twice in a day changes nothing.
    const user = await requireLearner(context, request)
    const settings = await getSettings(db, user.id)
    await extendNewCards(db, user.id, studyDateAt(now, settings.timeZone))
    return redirect(studyUrl)
  }
  if (form.intent === 'check') {
    // Checking schedules nothing: the learner sees the verdict and a suggested rating, then records a rating. The
    // first check of a showing is kept (a visitor becomes a guest), so reloading or re-posting cannot retry it.
    const item = await deckItem(db, params.deckId, form.itemId, currentUser(context)?.id ?? null)
    if (!item || !isInteractive(item.kind)) return failure('errorNoSuchCard', 404, `There is no card "${form.itemId}" in this deck.`)
    // A framing pair with a side left blank is sent back, as shown and as far as answered: nothing is written.
    if (item.kind === 'framing-pair' && blankSides(form.response ?? '').length > 0) {
      const question = await questionFor(db, item, form.reviewId)
      const given = (form.response ?? '').split(',')
      return data({ incomplete: { itemId: item.id, reviewId: form.reviewId, question, given } }, { status: 400 })
    }
    const user = await requireLearner(context, request)
    const first = await keepFirstCheck(db, user.id, item.id, { reviewId: form.reviewId, response: form.response ?? '', checkedAt: now })
    const question = await questionFor(db, item, first.reviewId)
    const verdict = gradeResponse(item, question, first.response)
    return data({ check: { itemId: item.id, reviewId: first.reviewId, response: first.response, question, verdict } })
  }
  // The reviews module grades an interactive card's response itself: the stored verdict never trusts the browser.
  // The first answer of a visitor makes them a guest (the request context sends the cookie).
  const user = await requireLearner(context, request)
  const result = await recordReview(
    db,
    {
      userId: user.id,
      itemId: form.itemId,
      deckId: params.deckId,
      reviewId: form.reviewId,
      rating: form.rating,
      durationMs: reviewDuration(form, now),
      now,
      response: form.response,
    },
    { groupWindowMs: GROUP_WINDOW_MS },
  ) // other learners' answers arriving within the window share its commit
  if (result.status === 'recorded') noteAnswer(user.id)
  switch (result.status) {
    case 'recorded':
      return redirect(result.leech ? `${studyUrl}?msg=leech` : studyUrl)
    case 'duplicate':
      return redirect(studyUrl)
    case 'unknown-item':
      return failure('errorNoSuchCard', 404, `There is no card "${form.itemId}".`)
    case 'not-in-deck':
      return failure('errorCardNotInDeck', 404, `Card "${form.itemId}" is not in deck "${params.deckId}".`)
    case 'id-conflict':
      return failure('errorReviewIdUsed', 409, 'This review id was already used for a different answer; nothing was recorded.')
    case 'stale':
      return failure(
        'errorAnsweredElsewhere',
        409,
        'This card was answered elsewhere in the meantime; nothing was recorded. Reload to continue.',
      )
  }
}

/** After a check, keep the card on screen: nothing changed on the server. */
export const shouldRevalidate = skipRevalidationAfterCheck

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) =>
    args.loaderData ? (metaLang(args.matches) === 'en' ? args.loaderData.deck.title.en : args.loaderData.deck.title.zh) : t.appName,
  )
}

export const ErrorBoundary = RouteErrorBoundary

export default function Study({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { deck, card, remaining } = loaderData
  const title = lang === 'en' ? deck.title.en : deck.title.zh
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const check =
    (actionData && 'check' in actionData && card && actionData.check.itemId === card.itemId ? actionData.check : null) ??
    card?.check ??
    null
  const incomplete =
    actionData && 'incomplete' in actionData && card && actionData.incomplete.itemId === card.itemId ? actionData.incomplete : null
  // A check carries the review id the question was shown with; the rating must use that same id.
  const reviewId = check?.reviewId ?? incomplete?.reviewId ?? card?.reviewId ?? ''
  const question = check?.question ?? incomplete?.question ?? card?.question
  const interactive = question ? question.kind !== 'flip' : false
  // Flip cards reveal in the client; without scripts "Show answer" is a link to ?reveal=1.
  const [revealedFor, setRevealedFor] = useState<string | null>(null)
  const revealed = card ? (interactive ? check !== null : card.revealed || revealedFor === card.reviewId) : false
  // Revealing also keeps the card's address, so a reload shows it revealed rather than as a fresh try.
  const reveal = () => {
    if (!card) return
    setRevealedFor(card.reviewId)
    window.history.replaceState(window.history.state, '', revealHref(card.itemId))
  }
  useStudyKeys({ enabled: Boolean(card), answering: interactive && !revealed, revealed, onReveal: reveal })

  return (
    <div className="study">
      <div className="study-head">
        <Link to="/" className="back-link">
          ← {t.backToDecks}
        </Link>
        <h1 className="study-title">{title}</h1>
        {/* A paragraph cannot carry a name (aria-label on it is ignored): screen readers read the words instead of the bare numbers. */}
        <p className="counts">
          <span className="visually-hidden">{t.remaining(remaining)}</span>
          <span className="count-new" aria-hidden="true">
            {remaining.fresh}
          </span>
          <span className="count-learning" aria-hidden="true">
            {remaining.learning}
          </span>
          <span className="count-due" aria-hidden="true">
            {remaining.due}
          </span>
        </p>
        <Form method="post" className="undo-form" id="undo-form">
          <input type="hidden" name="intent" value="undo" />
          <button type="submit" className="secondary small" aria-label={t.undoLabel} disabled={busy}>
            {t.undo}
          </button>
        </Form>
      </div>
      <div role="status" aria-live="polite" className="notice">
        {loaderData.notice ? t[loaderData.notice] : null}
      </div>
      {actionData && 'message' in actionData ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      {card && question ? (
        <>
          <p className="queue-label">{t.cardOf(card.queue)}</p>
          <CardView content={card.content} mode={loaderData.cardLanguage} uiLang={lang} revealed={revealed}>
            {interactive && !revealed ? (
              <QuestionForm
                question={question}
                action={`?card=${encodeURIComponent(card.itemId)}`}
                hidden={{ intent: 'check', reviewId, itemId: card.itemId }}
                mode={loaderData.cardLanguage}
                uiLang={lang}
                requireComplete
                given={incomplete?.given}
              />
            ) : null}
            {check ? <VerdictView question={check.question} verdict={check.verdict} mode={loaderData.cardLanguage} uiLang={lang} /> : null}
          </CardView>
          <p className="keyboard-help">{t.keyboardHelp}</p>
          {card.info ? (
            <Suspense fallback={null}>
              <CardTools
                itemId={card.itemId}
                info={card.info}
                timeZone={loaderData.timeZone}
                next={`/decks/${encodeURIComponent(deck.id)}/study`}
              />
            </Suspense>
          ) : null}
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
              onReveal={reveal}
              suggested={check?.verdict.suggestedRating}
              response={check?.response}
            />
          )}
        </>
      ) : (
        <section className="done" aria-labelledby="done-title">
          <h2 id="done-title">{t.doneTitle}</h2>
          {loaderData.session ? <p className="done-summary">{t.doneSummary(loaderData.session)}</p> : null}
          <p>{loaderData.nextDueText ? t.doneNextAt(loaderData.nextDueText) : t.doneNothing}</p>
          {loaderData.offers?.studyMore ? <p className="muted">{t.doneLimitReached(loaderData.offers.newLimit)}</p> : null}
          <div className="done-offers">
            {loaderData.offers?.studyMore ? (
              <Form method="post">
                <input type="hidden" name="intent" value="study-more" />
                <button type="submit" className="button primary" disabled={busy}>
                  {t.studyMoreToday(loaderData.offers.studyMore)}
                </button>
              </Form>
            ) : null}
            <Link to={`/quiz?deck=${encodeURIComponent(deck.id)}`} className="button">
              {t.takeQuizOnDeck}
            </Link>
            {loaderData.offers?.signUp ? (
              <Link to="/signup" className="button">
                {t.saveProgressSignUp}
              </Link>
            ) : null}
            <Link to="/" className="button">
              {t.backToDecks}
            </Link>
          </div>
        </section>
      )}
      {/* Last on the page: it appears only once scripts run, and must not push the card down under the finger. */}
      <ClientOnly>
        <Suspense fallback={null}>
          <OfflineKeeper deckId={deck.id} learner={loaderData.learner} />
        </Suspense>
      </ClientOnly>
    </div>
  )
}

/** The notices a redirect to the study page may ask for (`?msg=`), and the message each shows. */
const STUDY_NOTICES = {
  undone: 'undone',
  nothing: 'nothingToUndo',
  leech: 'noticeLeech',
  buried: 'noticeBuried',
  suspended: 'noticeSuspended',
  flagged: 'noticeFlagged',
} as const satisfies Record<string, keyof Messages>

/** The message key of the notice `msg` names, or null: the loader sends the key, so the page needs no table of its own. */
function studyNotice(msg: string | null): (typeof STUDY_NOTICES)[keyof typeof STUDY_NOTICES] | null {
  return msg !== null && Object.hasOwn(STUDY_NOTICES, msg) ? STUDY_NOTICES[msg as keyof typeof STUDY_NOTICES] : null
}

/** Renders its children only after hydration (the offline keeper needs the browser's storage). */
function ClientOnly({ children }: { children: React.ReactNode }) {
  return useHydrated() ? children : null
}
