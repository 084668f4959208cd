import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/classes'
import { Field } from '~/components/field'
import { classesActionSchema, classSchema, joinSchema } from '~/domain/account-forms'
import { msg } from '~/i18n/keys'
import { useT } from '~/i18n/react'
import { classByCode, createClass, instructorClasses, studentClasses } from '~/data/classes.server'
import { getDb } from '~/utils/db.server'
import { requireAccount } from '~/utils/access.server'
import { formTiming } from '~/components/form-timing'
import { pageTitle } from '~/i18n/meta'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAccount(context, request)
  const db = getDb()
  const [teaching, joined] = await Promise.all([
    user.role === 'instructor' ? instructorClasses(db, user.id) : [],
    studentClasses(db, user.id),
  ])
  return { role: user.role, teaching, joined }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAccount(context, request)
  const submission = parseWithZod(await request.formData(), { schema: classesActionSchema })
  const intent = submission.payload.intent === 'create' || submission.payload.intent === 'join' ? submission.payload.intent : null
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply(), message: intent ? null : msg('errorBadForm') }, { status: 400 })
  const v = submission.value
  if (v.intent === 'create') {
    if (user.role !== 'instructor') return data({ intent: v.intent, result: null, message: msg('instructorOnly') }, { status: 403 })
    const created = await createClass(getDb(), user.id, v.name)
    return redirect(`/classes/${created.id}`)
  }
  const klass = await classByCode(getDb(), v.code)
  if (!klass)
    return data(
      { intent: v.intent, result: submission.reply({ fieldErrors: { code: [msg('errorNoClass')] } }), message: null },
      { status: 404 },
    )
  return redirect(`/join/${klass.joinCode}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.classesTitle)
}

export default function Classes({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const idle = navigation.state === 'idle'
  const [createForm, createFields] = useForm({
    id: 'create-class',
    lastResult: idle && actionData?.intent === 'create' ? actionData.result : undefined,
    constraint: getZodConstraint(classSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: classSchema }),
  })
  const [joinForm, joinFields] = useForm({
    id: 'join-class',
    lastResult: idle && actionData?.intent === 'join' ? actionData.result : undefined,
    constraint: getZodConstraint(joinSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinSchema }),
  })
  const { role, teaching, joined } = loaderData
  return (
    <div className="page narrow">
      <h1>{t.classesTitle}</h1>
      {actionData?.message ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      {role === 'instructor' ? (
        <section aria-labelledby="teaching">
          <h2 id="teaching">{t.classesTeaching}</h2>
          <ul className="plain-list">
            {teaching.map((c) => (
              <li key={c.id}>
                <Link to={`/classes/${c.id}`}>{c.name}</Link> · {t.studentsCount(c.students)}
                {c.archivedAt ? ` · ${t.archived}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/decks/import">{t.importNav}</Link>
          </p>
          <Form method="post" {...getFormProps(createForm)} noValidate>
            <input type="hidden" name="intent" value="create" />
            <Field meta={createFields.name} label={t.className}>
              {(d) => <input {...getInputProps(createFields.name, { type: 'text' })} aria-describedby={d} />}
            </Field>
            <button type="submit" className="button primary">
              {t.createClassSubmit}
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="joined">
        <h2 id="joined">{t.classesJoined}</h2>
        <ul className="plain-list">
          {joined.map((c) => (
            <li key={c.id}>
              {c.name}
              {c.instructor ? ` · ${c.instructor}` : ''}
            </li>
          ))}
        </ul>
        <Form method="post" {...getFormProps(joinForm)} noValidate>
          <input type="hidden" name="intent" value="join" />
          <Field meta={joinFields.code} label={t.joinCode}>
            {(d) => (
              <input
                {...getInputProps(joinFields.code, { type: 'text' })}
                autoCapitalize="characters"
                autoComplete="off"
                aria-describedby={d}
              />
            )}
          </Field>
          <button type="submit" className="button">
            {t.joinSubmit}
          </button>
        </Form>
      </section>
    </div>
  )
}
