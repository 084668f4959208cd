/**
 * /decks/:deckId/manage: the owner renames or deletes an imported (private) deck. Deleting needs a ticked
 * confirmation and is refused, with nothing written, while the deck is assigned in a class that is not
 * archived; otherwise the deck and its cards are retired (data/imported-decks.server.ts says why not erased).
 * Anyone but the owner is told there is no such deck.
 */
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/deck-manage'
import { RouteErrorBoundary } from '~/components/error-page'
import { Field, FormErrors, useErrorText } from '~/components/field'
import { formTiming } from '~/components/form-timing'
import { deckAssignments, deleteImportedDeck, ownImportedDeck, renameImportedDeck } from '~/data/imported-decks.server'
import { deckManageSchema, deleteDeckSchema, renameDeckSchema } from '~/domain/interchange/deck-manage-form'
import { msg } from '~/i18n/keys'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/react'
import { requireAccount } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { errorPage } from '~/utils/http-errors.server'

async function ownDeck(context: Route.LoaderArgs['context'], request: Request, deckId: string) {
  const user = requireAccount(context, request)
  const deck = user.role === 'instructor' ? await ownImportedDeck(getDb(), user.id, deckId) : null
  if (!deck) throw errorPage('errorNoSuchOwnDeck', 404)
  return { user, deck }
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { deck } = await ownDeck(context, request, params.deckId)
  const renamed = new URL(request.url).searchParams.get('renamed') === '1'
  return { deck, assignedIn: await deckAssignments(getDb(), deck.id), renamed }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { user, deck } = await ownDeck(context, request, params.deckId)
  const submission = parseWithZod(await request.formData(), { schema: deckManageSchema })
  const intent = submission.payload.intent === 'delete' ? ('delete' as const) : ('rename' as const)
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
  const v = submission.value
  const db = getDb()
  if (v.intent === 'rename') {
    if (!(await renameImportedDeck(db, user.id, deck.id, v.title))) throw errorPage('errorNoSuchOwnDeck', 404)
    return redirect(`/decks/${deck.id}/manage?renamed=1`)
  }
  const outcome = await deleteImportedDeck(db, user.id, deck.id)
  if (outcome === 'assigned') return data({ intent, result: submission.reply({ formErrors: [msg('errorDeckAssigned')] }) }, { status: 409 })
  if (outcome === 'not-found') throw errorPage('errorNoSuchOwnDeck', 404)
  return redirect(`/decks/import?deleted=${encodeURIComponent(deck.id)}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.deckManageTitle(args.loaderData?.deck.title ?? ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function DeckManage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const errorText = useErrorText()
  const { deck, assignedIn, renamed } = loaderData
  const idle = navigation.state === 'idle'
  const [renameForm, renameFields] = useForm({
    id: 'rename-deck',
    lastResult: idle && actionData?.intent === 'rename' ? actionData.result : undefined,
    constraint: getZodConstraint(renameDeckSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: renameDeckSchema }),
    defaultValue: { title: deck.title },
  })
  const [deleteForm, deleteFields] = useForm({
    id: 'delete-deck',
    lastResult: idle && actionData?.intent === 'delete' ? actionData.result : undefined,
    constraint: getZodConstraint(deleteDeckSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteDeckSchema }),
  })
  const confirm = deleteFields.confirm
  return (
    <div className="page narrow deck-manage">
      <Link to="/decks/import" className="back-link">
        ← {t.importYourDecks}
      </Link>
      <h1>{t.deckManageTitle(deck.title)}</h1>
      <div role="status">{renamed ? <p className="success">{t.deckRenamed}</p> : null}</div>
      <section aria-labelledby="deck-rename">
        <h2 id="deck-rename">{t.deckRenameHeading}</h2>
        <Form method="post" {...getFormProps(renameForm)}>
          <input type="hidden" name="intent" value="rename" />
          <FormErrors errors={renameForm.errors} />
          <Field meta={renameFields.title} label={t.importDeckTitle}>
            {(d) => <input {...getInputProps(renameFields.title, { type: 'text' })} aria-describedby={d} />}
          </Field>
          <button type="submit" className="button" disabled={!idle}>
            {t.deckRenameSubmit}
          </button>
        </Form>
      </section>
      <section aria-labelledby="deck-delete">
        <h2 id="deck-delete">{t.deckDeleteHeading}</h2>
        <p className="muted">{t.deckDeleteHelp}</p>
        {assignedIn.length > 0 ? (
          <>
            <p>{t.deckDeleteAssigned}</p>
            <ul className="plain-list">
              {assignedIn.map((a) => (
                <li key={`${a.classId}:${a.assignmentTitle}`}>
                  <Link to={`/classes/${a.classId}`}>{a.className}</Link> · {a.assignmentTitle}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Form method="post" {...getFormProps(deleteForm)}>
          <input type="hidden" name="intent" value="delete" />
          <FormErrors errors={deleteForm.errors} />
          <div className="field">
            <label className="confirm-check">
              <input {...getInputProps(confirm, { type: 'checkbox', value: 'yes' })} aria-describedby={confirm.errorId} />
              <span>{t.deckDeleteConfirm(deck.items)}</span>
            </label>
            <p className="field-error" id={confirm.errorId} aria-live="polite">
              {errorText(confirm.errors)}
            </p>
          </div>
          <button type="submit" className="button danger" disabled={!idle}>
            {t.deckDeleteSubmit}
          </button>
        </Form>
      </section>
    </div>
  )
}
