/**
 * /decks/import: an instructor imports their own questions into a private deck. Upload → preview (every item
 * as it will be stored, or every problem by line or question) → confirm. The route parses the form, hands the
 * bytes to the format's parser and the content checks, and writes through app/data/imported-decks.server.ts.
 */
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/deck-import'
import { Field, FormErrors } from '~/components/field'
import { formTiming } from '~/components/form-timing'
import {
  createImportedDeck,
  deletedOwnDeckTitle,
  importReferences,
  newImportedDeckId,
  ownImportedDecks,
} from '~/data/imported-decks.server'
import type { ContentItem } from '~/domain/content/schema'
import { CSV_SEPARATORS } from '~/domain/interchange/csv-import'
import { IMPORT_FORMATS, importFormSchema, importUploadSchema } from '~/domain/interchange/import-form'
import { finishImport, sortErrors, type ImportError } from '~/domain/interchange/import-item'
import { importErrorText } from '~/i18n/import-errors'
import { FILE_LANGUAGES } from '~/domain/interchange/interchange-import'
import { RouteErrorBoundary } from '~/components/error-page'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/react'
import { requireAccount } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { readImportFile } from '~/utils/import-file.server'

/** Items shown in the preview; the rest are counted. */
const PREVIEW_ITEMS = 50
/** The deck id items are numbered under before the deck exists (the confirm step numbers them anew). */
const PREVIEW_DECK_ID = 'imp-preview'

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireAccount(context, request)
  const decks = user.role === 'instructor' ? await ownImportedDecks(getDb(), user.id) : []
  const query = new URL(request.url).searchParams
  const importedId = query.get('imported')
  const deletedId = query.get('deleted')
  const deleted = deletedId && user.role === 'instructor' ? await deletedOwnDeckTitle(getDb(), user.id, deletedId) : null
  return { instructor: user.role === 'instructor', decks, imported: decks.find((d) => d.id === importedId) ?? null, deleted }
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.importTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export interface PreviewItem {
  n: number
  kind: ContentItem['kind']
  prompt: string
  answer: string
  accepted: string[]
  distractors: string[]
  statement: string | null
  pairs: string[]
  cites: string | null
}

const both = (t: { en: string; zh: string }) => (t.en === t.zh ? t.en : `${t.en} / ${t.zh}`)

function previewOf(item: ContentItem, index: number): PreviewItem {
  return {
    n: index + 1,
    kind: item.kind,
    prompt: both(item.prompt),
    answer: both(item.answer),
    accepted: item.accepted,
    distractors: item.kind === 'choice' ? (item.distractors ?? []).map(both) : [],
    statement: item.kind === 'true-false' ? `${both(item.statement)} (${item.isTrue ? '✓' : '✗'})` : null,
    pairs: item.kind === 'matching' ? item.pairs.map((p) => `${both(p.left)} → ${both(p.right)}`) : [],
    cites: item.sources[0] ? `${item.sources[0].doc}: “${item.sources[0].quote}”` : null,
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireAccount(context, request)
  if (user.role !== 'instructor')
    return data({ result: null, errors: [] as ImportError[], preview: null, forbidden: true }, { status: 403 })
  const submission = parseWithZod(await request.formData(), { schema: importFormSchema })
  const reply = () =>
    submission.status === 'success'
      ? submission.reply({ hideFields: ['file', 'payload'] })
      : submission.reply({ hideFields: ['file', 'payload'] })
  if (submission.status !== 'success')
    return data({ result: reply(), errors: [] as ImportError[], preview: null, forbidden: false }, { status: 400 })
  const v = submission.value
  const bytes = v.intent === 'preview' ? new Uint8Array(await v.file.arrayBuffer()) : new Uint8Array(Buffer.from(v.payload, 'base64'))
  const fileName = v.intent === 'preview' ? v.file.name.slice(0, 200) : v.fileName
  const db = getDb()
  const refs = await importReferences(db)
  const parsed = await readImportFile(v.format, bytes, { separator: v.separator, language: v.language, names: refs })
  const deckId = v.intent === 'confirm' ? newImportedDeckId() : PREVIEW_DECK_ID
  const done = parsed.ok ? finishImport(parsed.drafts, deckId, refs) : parsed
  if (!done.ok) return data({ result: reply(), errors: sortErrors(done.errors), preview: null, forbidden: false }, { status: 422 })
  if (v.intent === 'confirm') {
    await createImportedDeck(db, { deckId, ownerId: user.id, title: v.title, fileName, items: done.items })
    return redirect(`/decks/import?imported=${deckId}`)
  }
  return {
    result: reply(),
    errors: [] as ImportError[],
    forbidden: false,
    preview: {
      total: done.items.length,
      items: done.items.slice(0, PREVIEW_ITEMS).map(previewOf),
      payload: Buffer.from(bytes).toString('base64'),
      fileName,
      title: v.title,
      format: v.format,
      separator: v.separator,
      language: v.language,
    },
  }
}

/** One problem in the viewer's language: never a reader's or the schema's English. */
function ImportProblem({ error }: { error: ImportError }) {
  return <>{importErrorText(useT(), error)}</>
}

export default function DeckImport({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const navigation = useNavigation()
  const idle = navigation.state === 'idle'
  const [form, fields] = useForm({
    id: 'deck-import',
    lastResult: idle ? actionData?.result : undefined,
    constraint: getZodConstraint(importUploadSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: importUploadSchema }),
    defaultValue: { format: 'csv', separator: 'comma', language: 'one' },
  })
  const { instructor, decks, imported, deleted } = loaderData
  if (!instructor) {
    return (
      <div className="page narrow">
        <h1>{t.importTitle}</h1>
        <p role="alert" className="error">
          {t.errorImportInstructor}
        </p>
      </div>
    )
  }
  const preview = actionData?.preview ?? null
  const errors = actionData?.errors ?? []
  return (
    <div className="page narrow deck-import">
      <h1>{t.importTitle}</h1>
      <div role="status">
        {imported ? <p className="success">{t.importDone(imported.title, imported.items)}</p> : null}
        {deleted !== null ? <p className="success">{t.deckDeleted(deleted)}</p> : null}
      </div>
      <p className="muted">{t.importIntro}</p>
      {errors.length > 0 ? (
        <section role="alert" aria-labelledby="import-errors" className="import-errors">
          <h2 id="import-errors" className="error">
            {t.importErrorsTitle(errors.length)}
          </h2>
          <ul className="plain-list">
            {errors.map((e, i) => (
              <li key={i}>
                <strong>{t.importAt(e)}:</strong> <ImportProblem error={e} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview ? (
        <section aria-labelledby="import-preview" className="import-preview">
          <h2 id="import-preview">{t.importPreviewTitle(preview.total)}</h2>
          <ol className="plain-list preview-items">
            {preview.items.map((item) => (
              <li key={item.n} className="preview-item">
                <p className="muted">
                  {item.n}. {t.kindNames[item.kind] ?? item.kind}
                </p>
                <p className="preview-prompt">{item.prompt}</p>
                {item.statement ? <p>{item.statement}</p> : null}
                <p>
                  <strong>{t.importAnswer}:</strong> {item.answer}
                </p>
                {item.accepted.length > 0 ? (
                  <p>
                    <strong>{t.importAccepted}:</strong> {item.accepted.join(' · ')}
                  </p>
                ) : null}
                {item.distractors.length > 0 ? (
                  <p>
                    <strong>{t.importDistractors}:</strong> {item.distractors.join(' · ')}
                  </p>
                ) : null}
                {item.pairs.length > 0 ? (
                  <ul>
                    {item.pairs.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : null}
                {item.cites ? (
                  <p className="muted">
                    <strong>{t.importCites}:</strong> {item.cites}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {preview.total > preview.items.length ? (
            <p className="muted">{t.importPreviewMore(preview.total - preview.items.length)}</p>
          ) : null}
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="title" value={preview.title} />
            <input type="hidden" name="format" value={preview.format} />
            <input type="hidden" name="separator" value={preview.separator} />
            <input type="hidden" name="language" value={preview.language} />
            <input type="hidden" name="fileName" value={preview.fileName} />
            <input type="hidden" name="payload" value={preview.payload} />
            <button type="submit" className="button primary" disabled={!idle}>
              {t.importConfirmSubmit(preview.total)}
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="preview" />
        <FormErrors errors={form.errors} />
        <Field meta={fields.title} label={t.importDeckTitle}>
          {(d) => <input {...getInputProps(fields.title, { type: 'text' })} aria-describedby={d} />}
        </Field>
        <Field meta={fields.format} label={t.importFormat}>
          {(d) => (
            <select {...getSelectProps(fields.format)} aria-describedby={d}>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t.importFormats[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.separator} label={t.importSeparator}>
          {(d) => (
            <select {...getSelectProps(fields.separator)} aria-describedby={d}>
              {Object.keys(CSV_SEPARATORS).map((s) => (
                <option key={s} value={s}>
                  {t.importSeparators[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.language} label={t.importLanguage}>
          {(d) => (
            <select {...getSelectProps(fields.language)} aria-describedby={d}>
              {FILE_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t.importLanguages[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.file} label={t.importFile} help={t.importFormatHelp}>
          {(d) => <input {...getInputProps(fields.file, { type: 'file' })} aria-describedby={d} />}
        </Field>
        <button type="submit" className="button primary" disabled={!idle}>
          {t.importPreviewSubmit}
        </button>
      </Form>
      <section aria-labelledby="import-decks">
        <h2 id="import-decks">{t.importYourDecks}</h2>
        {decks.length === 0 ? <p className="muted">{t.importNoDecks}</p> : null}
        <ul className="plain-list">
          {decks.map((d) => (
            <li key={d.id}>
              <Link to={`/decks/${d.id}/study`}>{d.title}</Link> · {t.itemsInDeck(d.items)} ·{' '}
              <Link to={`/decks/${d.id}/manage`} aria-label={t.deckManageLink(d.title)}>
                {t.deckRenameHeading} / {t.deckDeleteHeading}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
