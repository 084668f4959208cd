/**
 * /decks/:deckId/manage: the owner renames an imported (private) deck, and finds the way to delete it (its own
 * confirmation page, /decks/:deckId/delete). Anyone but the owner is told there is no such deck.
 */
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/deck-manage'
import { DeckAssignments } from '~/components/deck-assignments'
import { RouteErrorBoundary } from '~/components/error-page'
import { Field, FormErrors } from '~/components/field'
import { formTiming } from '~/components/form-timing'
import { deckAssignments, renameImportedDeck } from '~/data/imported-decks.server'
import { renameDeckSchema } from '~/domain/interchange/deck-manage-form'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/react'
import { ownDeck } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { errorPage } from '~/utils/http-errors.server'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { deck } = await ownDeck(context, request, params.deckId)
  const renamed = new URL(request.url).searchParams.get('renamed') === '1'
  return { deck, assignedIn: await deckAssignments(getDb(), deck.id), renamed }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { user, deck } = await ownDeck(context, request, params.deckId)
  const submission = parseWithZod(await request.formData(), { schema: renameDeckSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  if (!(await renameImportedDeck(getDb(), user.id, deck.id, submission.value.title))) throw errorPage('errorNoSuchOwnDeck', 404)
  return redirect(`/decks/${deck.id}/manage?renamed=1`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.deckManageTitle(args.loaderData?.deck.title ?? ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function DeckManage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const { deck, assignedIn, renamed } = loaderData
  const idle = navigation.state === 'idle'
  const [renameForm, renameFields] = useForm({
    id: 'rename-deck',
    lastResult: idle ? actionData?.result : undefined,
    constraint: getZodConstraint(renameDeckSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: renameDeckSchema }),
    defaultValue: { title: deck.title },
  })
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
        <DeckAssignments assignedIn={assignedIn} />
        <p>
          <Link to={`/decks/${deck.id}/delete`} className="button danger">
            {t.deckDeleteLink}
          </Link>
        </p>
      </section>
    </div>
  )
}
