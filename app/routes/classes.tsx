import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/classes'
import { Field } from '~/components/field'
import { classSchema, joinSchema } from '~/domain/account-forms'
import { useT } from '~/i18n/react'
import { classByCode, createClass, instructorClasses, studentClasses } from '~/data/classes.server'
import { getDb } from '~/utils/db.server'
import { requireAccount } from '~/utils/access.server'
import { formTiming } from '~/components/form-timing'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAccount(context, request)
  const db = getDb()
  const [teaching, joined] = await Promise.all([user.role === 'instructor' ? instructorClasses(db, user.id) : [], studentClasses(db, user.id)])
  return { role: user.role, teaching, joined }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAccount(context, request)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'create') {
    if (user.role !== 'instructor') return data({ intent, result: null, error: 'instructorOnly' }, { status: 403 })
    const submission = parseWithZod(form, { schema: classSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), error: null }, { status: 400 })
    const created = await createClass(getDb(), user.id, submission.value.name)
    return redirect(`/classes/${created.id}`)
  }
  if (intent === 'join') {
    const submission = parseWithZod(form, { schema: joinSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply(), error: null }, { status: 400 })
    const klass = await classByCode(getDb(), submission.value.code)
    if (!klass) return data({ intent, result: submission.reply({ fieldErrors: { code: ['errorNoClass'] } }), error: null }, { status: 404 })
    return redirect(`/join/${klass.joinCode}`)
  }
  return data({ intent: null, result: null, error: 'intent: must be "create" or "join"' }, { status: 400 })
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
      {actionData?.error ? <p role="alert" className="error">{(t as unknown as Record<string, string>)[actionData.error] ?? actionData.error}</p> : null}
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
          <Form method="post" {...getFormProps(createForm)} noValidate>
            <input type="hidden" name="intent" value="create" />
            <Field meta={createFields.name} label={t.className}>{(d) => <input {...getInputProps(createFields.name, { type: 'text' })} aria-describedby={d} />}</Field>
            <button type="submit" className="button primary">{t.createClassSubmit}</button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="joined">
        <h2 id="joined">{t.classesJoined}</h2>
        <ul className="plain-list">
          {joined.map((c) => (
            <li key={c.id}>{c.name}{c.instructor ? ` · ${c.instructor}` : ''}</li>
          ))}
        </ul>
        <Form method="post" {...getFormProps(joinForm)} noValidate>
          <input type="hidden" name="intent" value="join" />
          <Field meta={joinFields.code} label={t.joinCode}>{(d) => <input {...getInputProps(joinFields.code, { type: 'text' })} autoCapitalize="characters" autoComplete="off" aria-describedby={d} />}</Field>
          <button type="submit" className="button">{t.joinSubmit}</button>
        </Form>
      </section>
    </div>
  )
}
