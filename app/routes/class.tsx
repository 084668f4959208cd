import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/class'
import { ConfirmStep } from '~/components/confirm-step'
import { ScopeFields } from '~/components/scope-fields'
import { Field, FormErrors } from '~/components/field'
import { assignmentSchema, classActionSchema } from '~/domain/account-forms'
import { msg } from '~/i18n/keys'
import { endOfLocalDate } from '~/domain/study-day'
import { useLang, useT, useTimeZone } from '~/i18n/react'
import { formatDateTime } from '~/i18n'
import { archiveClass, classAssignments, classMembersOf, createAssignment, removeMember } from '~/data/classes.server'
import { getDb } from '~/utils/db.server'
import { appOrigin } from '~/utils/public-url.server'
import { invalidChoices, itemChoices } from '~/data/item-choices.server'
import { getSettings } from '~/data/settings.server'
import { ownClass } from '~/utils/access.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { klass } = await ownClass(context, request, params.classId)
  const db = getDb()
  const [members, assignmentList, choices] = await Promise.all([
    classMembersOf(db, klass.id),
    classAssignments(db, klass.id),
    itemChoices(db, klass.instructorId),
  ])
  return { klass, joinLink: `${appOrigin(request)}/join/${klass.joinCode}`, members, assignments: assignmentList, choices }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { user, klass } = await ownClass(context, request, params.classId)
  const db = getDb()
  const submission = parseWithZod(await request.formData(), { schema: classActionSchema })
  if (submission.status !== 'success') {
    // A bad assignment form shows its field errors; any other bad post (a forged intent or student) gets a message.
    const intent = submission.payload.intent === 'create-assignment' ? ('create-assignment' as const) : null
    return data({ intent, result: submission.reply(), message: intent ? null : msg('errorBadForm') }, { status: 400 })
  }
  const v = submission.value
  if (v.intent === 'remove-student') {
    if (!v.confirm) {
      // Nothing is written yet: the page asks, naming the student and what removal does.
      const member = (await classMembersOf(db, klass.id)).find((m) => m.userId === v.userId)
      if (!member) return data({ intent: v.intent, result: null, message: msg('errorNotInClass') }, { status: 404 })
      const name = member.displayName ?? member.email ?? ''
      return { intent: v.intent, result: null, message: null, confirm: { kind: 'remove-student' as const, userId: v.userId, name } }
    }
    if (!(await removeMember(db, klass.id, v.userId)))
      return data({ intent: v.intent, result: null, message: msg('errorNotInClass') }, { status: 404 })
    return redirect(`/classes/${klass.id}`)
  }
  if (v.intent === 'archive') {
    if (!v.confirm) {
      const students = (await classMembersOf(db, klass.id)).length
      return { intent: v.intent, result: null, message: null, confirm: { kind: 'archive' as const, students } }
    }
    await archiveClass(db, klass.id)
    return redirect('/classes')
  }
  const invalid = invalidChoices(await itemChoices(db, user.id), v)
  if (Object.keys(invalid).length > 0)
    return data({ intent: v.intent, result: submission.reply({ fieldErrors: invalid }), message: null }, { status: 400 })
  const settings = await getSettings(db, user.id)
  const created = await createAssignment(db, klass.id, {
    title: v.title,
    scope: v.deckId
      ? { deckId: v.deckId }
      : {
          sources: v.source ? [v.source] : undefined,
          categories: v.category ? [v.category] : undefined,
          tags: v.tag ? [v.tag] : undefined,
        },
    dueAt: endOfLocalDate(v.dueDate, settings.timeZone),
    goal: v.goal,
    targetRecall: v.targetRecall,
    targetScore: v.goal === 'quiz' ? (v.targetScore ?? null) : null,
  })
  if (!created)
    return data(
      { intent: v.intent, result: submission.reply({ formErrors: [msg('errorNoAssignmentItems')] }), message: null },
      { status: 400 },
    )
  return redirect(`/classes/${klass.id}/assignments/${created.id}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => args.loaderData?.klass.name ?? t.classesTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function ClassPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const timeZone = useTimeZone()
  const navigation = useNavigation()
  const { klass, joinLink, members, assignments, choices } = loaderData
  const [form, fields] = useForm({
    lastResult: navigation.state === 'idle' && actionData?.intent === 'create-assignment' ? actionData.result : undefined,
    constraint: getZodConstraint(assignmentSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignmentSchema }),
    defaultValue: { goal: 'memory', targetRecall: '0.85' },
  })
  // The second step of removing a student or archiving (after every hook: the page and this step share them).
  const confirm = actionData && 'confirm' in actionData ? actionData.confirm : null
  if (confirm?.kind === 'remove-student') {
    return (
      <ConfirmStep
        title={t.removeStudentConfirmTitle(confirm.name, klass.name)}
        consequences={[t.removeStudentConsequences(confirm.name)]}
        fields={{ intent: 'remove-student', userId: confirm.userId }}
        confirmLabel={t.removeStudent(confirm.name)}
        cancelTo={`/classes/${klass.id}`}
        cancelLabel={t.cancelKeep}
      />
    )
  }
  if (confirm?.kind === 'archive') {
    return (
      <ConfirmStep
        title={t.archiveConfirmTitle(klass.name)}
        consequences={[t.archiveConsequences(confirm.students), t.archiveIsFinal]}
        fields={{ intent: 'archive' }}
        confirmLabel={t.archiveClass}
        cancelTo={`/classes/${klass.id}`}
        cancelLabel={t.cancelKeep}
      />
    )
  }
  return (
    <div className="page">
      <h1>{klass.name}</h1>
      {actionData?.message ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      <dl className="join-info">
        <dt>{t.joinCode}</dt>
        <dd>
          <code className="join-code">{klass.joinCode}</code>
        </dd>
        <dt>{t.joinLink}</dt>
        <dd>
          <a href={joinLink}>{joinLink}</a>
        </dd>
      </dl>
      <section aria-labelledby="assignments">
        <h2 id="assignments">{t.assignmentsTitle}</h2>
        {assignments.length === 0 ? <p className="muted">{t.noAssignments}</p> : null}
        <ul className="plain-list">
          {assignments.map((a) => (
            <li key={a.id}>
              <Link to={`/classes/${klass.id}/assignments/${a.id}`}>{a.title}</Link> · {t.dueOn(formatDateTime(a.dueAt, lang, timeZone))} ·{' '}
              {t.itemsInDeck(a.items)}
            </li>
          ))}
        </ul>
        <details className="new-assignment" open={actionData?.intent === 'create-assignment' || assignments.length === 0}>
          <summary>{t.newAssignment}</summary>
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="intent" value="create-assignment" />
            <FormErrors errors={form.errors} />
            <Field meta={fields.title} label={t.assignmentTitleLabel}>
              {(d) => <input {...getInputProps(fields.title, { type: 'text' })} aria-describedby={d} />}
            </Field>
            <ScopeFields fields={fields} choices={choices} />
            <Field meta={fields.dueDate} label={t.dueDate}>
              {(d) => <input {...getInputProps(fields.dueDate, { type: 'date' })} aria-describedby={d} />}
            </Field>
            <Field meta={fields.goal} label={t.goal}>
              {(d) => (
                <select {...getSelectProps(fields.goal)} aria-describedby={d}>
                  <option value="memory">{t.goalMemory}</option>
                  <option value="quiz">{t.goalQuiz}</option>
                </select>
              )}
            </Field>
            <Field meta={fields.targetRecall} label={t.targetRecall}>
              {(d) => <input {...getInputProps(fields.targetRecall, { type: 'number' })} step="0.01" aria-describedby={d} />}
            </Field>
            <Field meta={fields.targetScore} label={t.targetScore}>
              {(d) => <input {...getInputProps(fields.targetScore, { type: 'number' })} step="0.05" aria-describedby={d} />}
            </Field>
            <button type="submit" className="button primary">
              {t.createAssignment}
            </button>
          </Form>
        </details>
      </section>
      <section aria-labelledby="members">
        <h2 id="members">{t.members}</h2>
        {members.length === 0 ? <p className="muted">{t.noStudents}</p> : null}
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.userId} className="member">
              <span>{m.displayName ?? m.email}</span>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-student" />
                <input type="hidden" name="userId" value={m.userId} />
                <button type="submit" className="secondary small">
                  {t.removeStudent(m.displayName ?? m.email ?? '')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      {klass.archivedAt === null ? (
        <Form method="post">
          <input type="hidden" name="intent" value="archive" />
          <button type="submit" className="secondary">
            {t.archiveClass}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
