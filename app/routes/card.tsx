import { parseWithZod } from '@conform-to/zod/v4'
import { data, Link, redirect } from 'react-router'
import type { Route } from './+types/card'
import { CardInfoView, formatWhen, HoldBadges } from '~/components/card-info'
import { HoldButton } from '~/components/card-tools'
import { FlagForm } from '~/components/flag-form'
import { CardView } from '~/components/card-view'
import { sourceDocs, speakers as speakerList } from '~/data/content.server'
import { flagItem, ownFlag } from '~/data/flags.server'
import { cardInfo, changeHold } from '~/data/holds.server'
import { visibleItem } from '~/data/questions.server'
import { getSettings } from '~/data/settings.server'
import { toCardContent } from '~/domain/card-content'
import { cardActionSchema } from '~/domain/card-forms'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { studyDayAt } from '~/domain/study-day'
import { messagesForOrLoaded } from '~/i18n'
import { useLang, useT } from '~/i18n/react'
import { currentUser, requireLearner } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { languageFor } from '~/utils/lang.server'
import { errorPage } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

const NOTICES = ['buried', 'suspended', 'unsuspended', 'unburied', 'flagged'] as const
type Notice = (typeof NOTICES)[number]
const NOTICE_OF = { bury: 'buried', suspend: 'suspended', unsuspend: 'unsuspended', unbury: 'unburied', flag: 'flagged' } as const

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const db = getDb()
  const user = currentUser(context)
  const item = await visibleItem(db, params.itemId, user?.id ?? null)
  if (!item) throw errorPage('errorNoSuchCard', 404)
  const settings = user ? await getSettings(db, user.id) : null
  const now = Date.now()
  const [info, sources, speakers, flag] = await Promise.all([
    user ? cardInfo(db, user.id, item.id, now, settings!.desiredRetention, settings!.leechThreshold) : null,
    sourceDocs(db),
    speakerList(db),
    user ? ownFlag(db, user.id, item.id) : null,
  ])
  const msg = new URL(request.url).searchParams.get('msg')
  const lang = languageFor(request, settings?.uiLanguage ?? null)
  return {
    itemId: item.id,
    content: toCardContent(item, sources, speakers),
    cardLanguage: settings?.cardLanguage ?? 'both',
    timeZone: settings?.timeZone ?? 'UTC',
    info,
    flaggedAt: flag?.createdAt ?? null,
    notice: (NOTICES as readonly string[]).includes(msg ?? '') ? (msg as Notice) : null,
    title: messagesForOrLoaded(lang).cardPageTitle,
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: cardActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const form = submission.value
  const db = getDb()
  const user = await requireLearner(context, request)
  const now = Date.now()
  let ok: boolean
  if (form.intent === 'flag') {
    ok = await flagItem(db, user.id, params.itemId, form.reason, form.note, now)
  } else {
    // Buried until the learner's next study day starts (04:00 in their time zone).
    const settings = await getSettings(db, user.id)
    ok = await changeHold(db, user.id, params.itemId, form.intent, now, studyDayAt(now, settings.timeZone).end)
  }
  if (!ok) throw errorPage('errorNoSuchCard', 404)
  const back = safeRedirectPath(form.next, `/cards/${encodeURIComponent(params.itemId)}`)
  return redirect(withNotice(back, NOTICE_OF[form.intent]))
}

/** The page to return to, with a notice saying what was done. */
function withNotice(path: string, notice: string): string {
  const url = new URL(path, 'https://app.invalid')
  url.searchParams.set('msg', notice)
  return url.pathname + url.search + url.hash
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.cardPageTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function Card({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { itemId, info, timeZone } = loaderData
  const here = `/cards/${encodeURIComponent(itemId)}`
  const notices: Record<Notice, string> = {
    buried: t.noticeBuried,
    suspended: t.noticeSuspended,
    unsuspended: t.noticeUnsuspended,
    unburied: t.noticeUnburied,
    flagged: t.noticeFlagged,
  }
  const suspended = info?.hold?.suspendedAt != null
  const buried = info?.hold?.buriedUntil != null && info.hold.buriedUntil > Date.now()
  return (
    <div className="page narrow">
      <p>
        <Link to="/cards" className="back-link">
          ← {t.backToCards}
        </Link>
      </p>
      <h1>{t.cardPageTitle}</h1>
      <div role="status" aria-live="polite" className="notice">
        {loaderData.notice ? notices[loaderData.notice] : null}
      </div>
      <CardView content={loaderData.content} mode={loaderData.cardLanguage} uiLang={lang} revealed />
      <section aria-labelledby="info-title">
        <h2 id="info-title">{t.cardInfoTitle}</h2>
        {info ? (
          <>
            <HoldBadges info={info} timeZone={timeZone} />
            <CardInfoView info={info} timeZone={timeZone} />
          </>
        ) : (
          <p className="muted">{t.cardInfoNever}</p>
        )}
        <div className="button-row">
          <HoldButton
            itemId={itemId}
            intent={suspended ? 'unsuspend' : 'suspend'}
            next={here}
            label={suspended ? t.unsuspendCard : t.suspendCard}
          />
          <HoldButton itemId={itemId} intent={buried ? 'unbury' : 'bury'} next={here} label={buried ? t.unburyCard : t.buryCard} />
        </div>
      </section>
      <section aria-labelledby="flag-title" id="flag">
        <h2 id="flag-title">{t.flagTitle}</h2>
        {loaderData.flaggedAt ? <p className="muted">{t.flagSent(formatWhen(loaderData.flaggedAt, lang, timeZone))}</p> : null}
        <FlagForm itemId={itemId} next={here} lastResult={actionData?.result} />
      </section>
    </div>
  )
}
