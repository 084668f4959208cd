import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import { categories } from '~/domain/content/schema'
import { useLang, useT } from '~/i18n/react'
import { Field } from './field'

export interface ScopeChoices {
  decks: Array<{ id: string; title: { en: string; zh: string } }>
  sources: Array<{ id: string; title: { en: string; zh: string } }>
  tags: string[]
}

type ScopeFieldName = 'deckId' | 'source' | 'category' | 'tag'

/** Which items: a deck, or a filter by source, category and tag (quiz setup and assignments). */
export function ScopeFields({
  fields,
  choices,
}: {
  fields: Record<ScopeFieldName, FieldMetadata<string | undefined>>
  choices: ScopeChoices
}) {
  const t = useT()
  const lang = useLang()
  const title = (b: { en: string; zh: string }) => (lang === 'en' ? b.en : b.zh)
  const select = (name: ScopeFieldName, label: string, options: Array<{ value: string; label: string }>, any: string) => (
    <Field meta={fields[name]} label={label}>
      {(d) => (
        <select {...getSelectProps(fields[name])} aria-describedby={d}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
  // Tags by their name in the viewer's language, in that language's order (a tag without a name shows its slug).
  const tagOptions = choices.tags
    .map((tag) => ({ value: tag, label: t.tagNames[tag] ?? tag }))
    .sort((x, y) => x.label.localeCompare(y.label, lang))
  return (
    <>
      {select(
        'deckId',
        t.quizDeck,
        choices.decks.map((d) => ({ value: d.id, label: title(d.title) })),
        t.quizAllDecks,
      )}
      {select(
        'source',
        t.quizSource,
        choices.sources.map((s) => ({ value: s.id, label: title(s.title) })),
        t.quizAny,
      )}
      {select(
        'category',
        t.quizCategory,
        categories.map((c) => ({ value: c, label: t.categoryNames[c] ?? c })),
        t.quizAny,
      )}
      {select('tag', t.quizTag, tagOptions, t.quizAny)}
    </>
  )
}
