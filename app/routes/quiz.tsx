import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/quiz'
import { ScopeFields } from '~/components/scope-fields'
import { Field, FormErrors } from '~/components/field'
import { quizSetupSchema } from '~/domain/quiz'
import { useLang, useT, useTimeZone } from '~/i18n/react'
import { formatDateTime } from '~/i18n'
import { getDb } from '~/utils/db.server'
import { studentAssignment } from '~/data/classes.server'
import { invalidChoices, itemChoices } from '~/data/item-choices.server'
import { createAttempt, recentAttempts } from '~/data/quiz.server'
import { currentUser, requireLearner } from '~/utils/access.server'
import { formTiming } from '~/components/form-timing'
import { msg } from '~/i18n/keys'
import { pageTitle } from '~/i18n/meta'

export async function loader({ context }: Route.LoaderArgs) {
  const user = currentUser(context)
  const [options, attempts] = await Promise.all([itemChoices(getDb(), user?.id ?? null), user ? recentAttempts(getDb(), user.id) : []])
  return {
    options,
    attempts: attempts.map((a) => ({
      id: a.id,
      startedAt: a.startedAt,
      finished: a.finishedAt !== null,
      score: a.score,
      total: a.itemIds.length,
      deckId: a.config.deckId ?? null,
    })),
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: quizSetupSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const setup = submission.value
  const user = currentUser(context)
  // Only choices the form offered (and only the learner's own assignments): anything else is refused.
  const invalid = invalidChoices(await itemChoices(getDb(), user?.id ?? null), setup)
  if (setup.assignmentId && !(user && (await studentAssignment(getDb(), user.id, setup.assignmentId))))
    invalid.assignmentId = [msg('errorChoice')]
  if (Object.keys(invalid).length > 0) return data({ result: submission.reply({ fieldErrors: invalid }) }, { status: 400 })
  // Starting a quiz is a visitor's first write: it makes them a guest.
  const learner = await requireLearner(context, request)
  const attempt = await createAttempt(getDb(), learner.id, setup, Date.now())
  if (!attempt) return data({ result: submission.reply({ formErrors: ['quizNoItems'] }) }, { status: 400 })
  return redirect(`/quiz/${attempt.id}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.quizSetupTitle)
}

export default function Quiz({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const timeZone = useTimeZone()
  const navigation = useNavigation()
  const { options, attempts } = loaderData
  const [params] = useSearchParams()
  const assignmentId = params.get('assignment')
  // The quiz history names each quiz's deck; the end of a study session links here with its deck picked.
  const deckTitle = (deckId: string | null) => {
    const deck = deckId ? options.decks.find((d) => d.id === deckId) : undefined
    return deck ? (lang === 'en' ? deck.title.en : deck.title.zh) : null
  }
  const preselectedDeck = options.decks.some((d) => d.id === params.get('deck')) ? params.get('deck')! : undefined
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' ? actionData?.result : undefined,
    defaultValue: { count: '10', deckId: preselectedDeck },
    constraint: getZodConstraint(quizSetupSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: quizSetupSchema }),
  })
  return (
    <div className="page narrow">
      <h1>{t.quizSetupTitle}</h1>
      <p className="muted">{t.quizSetupHelp}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
        <FormErrors errors={form.errors} />
        <FormErrors errors={fields.assignmentId.errors} />
        <ScopeFields fields={fields} choices={options} />
        <Field meta={fields.count} label={t.quizCount}>
          {(d) => <input {...getInputProps(fields.count, { type: 'number' })} inputMode="numeric" aria-describedby={d} />}
        </Field>
        <Field meta={fields.timeLimitMinutes} label={t.quizTimeLimit}>
          {(d) => <input {...getInputProps(fields.timeLimitMinutes, { type: 'number' })} inputMode="numeric" aria-describedby={d} />}
        </Field>
        <button type="submit" className="button primary" disabled={navigation.state === 'submitting'}>
          {t.quizStart}
        </button>
      </Form>
      {attempts.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t.quizHistory}</h2>
          <ul className="attempts">
            {attempts.map((a) => (
              <li key={a.id}>
                <Link to={a.finished ? `/quiz/${a.id}/result` : `/quiz/${a.id}`}>
                  {deckTitle(a.deckId) ? `${deckTitle(a.deckId)} · ` : ''}
                  {a.finished
                    ? t.quizAttemptLine(a.score ?? 0, a.total, formatDateTime(a.startedAt, lang, timeZone))
                    : `${t.quizUnfinished} · ${t.quizContinue}`}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
