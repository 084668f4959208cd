import type { Lang } from '~/i18n'
import type { CardContent, CitationView } from '~/domain/card-content'
import { useT } from '~/i18n/react'
import { locatorFor } from '~/domain/content/locators'
import { readsTheSameInBoth } from '~/domain/bilingual'

export type { CardContent, CitationView }

export type CardLanguage = 'en' | 'zh' | 'both'
export interface Bilingual {
  en: string
  zh: string
}

/** Text in the learner's card language: one of them, or both (the UI language first). */
export function BilingualText({
  text,
  mode,
  uiLang,
  as: Tag = 'p',
  className,
}: {
  text: Bilingual
  mode: CardLanguage
  uiLang: Lang
  as?: 'p' | 'div' | 'h2' | 'h3'
  className?: string
}) {
  const zhFirst = uiLang === 'zh-Hans'
  const parts: Array<{ lang: 'en' | 'zh-Hans'; value: string }> = []
  if (mode !== 'zh') parts.push({ lang: 'en', value: text.en })
  if (mode !== 'en') parts.push({ lang: 'zh-Hans', value: text.zh })
  if (zhFirst) parts.reverse()
  // The same text on both sides (an imported one-language item, "1997" and "1997 年"): show it once.
  if (parts.length === 2 && readsTheSameInBoth(text)) parts.pop()
  return (
    <Tag className={className}>
      {parts.map((p, i) => (
        <span key={p.lang} lang={p.lang} className={i === 0 ? 'primary-text' : 'secondary-text'}>
          {p.value}
        </span>
      ))}
    </Tag>
  )
}

export function Citation({ c, mode, uiLang }: { c: CitationView; mode: CardLanguage; uiLang: Lang }) {
  const t = useT()
  const where = locatorFor(c, uiLang)
  const readerReadsQuoteLang = mode === 'both' ? false : (mode === 'en') === (c.quoteLang === 'en')
  return (
    <figure className="citation">
      <blockquote lang={c.quoteLang}>{c.quote}</blockquote>
      {readerReadsQuoteLang ? null : (
        <p className="translation" lang={c.quoteLang === 'en' ? 'zh-Hans' : 'en'}>
          <span className="visually-hidden">{t.quoteTranslation}: </span>
          {c.translation}
        </p>
      )}
      <figcaption>
        {/* Who says it and where it appears are two things: a document may quote someone from the other side. */}
        {c.speaker ? (
          <span className="citation-speaker" lang={uiLang}>
            {t.saidBy}: <strong>{uiLang === 'en' ? c.speaker.name.en : c.speaker.name.zh}</strong>
            {' — '}
            {uiLang === 'en' ? c.speaker.role.en : c.speaker.role.zh}
          </span>
        ) : null}
        <span className="citation-document-label">{t.inDocument}:</span>
        <cite lang={uiLang}>{uiLang === 'en' ? c.title.en : c.title.zh}</cite>
        <span>{uiLang === 'en' ? c.outlet.en : c.outlet.zh}</span>
        <span>{c.date ?? t.undated}</span>
        {/* Where in the document, in the reader's language when a Chinese form exists (app/domain/content/locators.ts). */}
        <span className="citation-locator">
          {where.untranslated ? <>{t.locatorInEnglish} </> : null}
          <span lang={where.lang}>{where.text}</span>
        </span>
      </figcaption>
    </figure>
  )
}

/** A card: the prompt, then whatever answers it (children: a question form, a verdict), then the back. */
export function CardView({
  content,
  mode,
  uiLang,
  revealed,
  children,
}: {
  content: CardContent
  mode: CardLanguage
  uiLang: Lang
  revealed: boolean
  children?: React.ReactNode
}) {
  const t = useT()
  return (
    <article className="card" aria-label={t.question}>
      <p className="category">{t.categoryNames[content.category] ?? content.category}</p>
      <BilingualText text={content.prompt} mode={mode} uiLang={uiLang} as="h2" className="prompt" />
      {children}
      {revealed ? (
        <section className="back" aria-label={t.answer}>
          <BilingualText text={content.answer} mode={mode} uiLang={uiLang} as="div" className="answer" />
          <h3>{t.explanation}</h3>
          <BilingualText text={content.explanation} mode={mode} uiLang={uiLang} className="explanation" />
          {/* An imported item need not cite a source. */}
          {content.sources.length > 0 ? <h3>{content.sources.length > 1 ? t.sources : t.source}</h3> : null}
          {content.sources.map((c, i) => (
            <Citation key={i} c={c} mode={mode} uiLang={uiLang} />
          ))}
        </section>
      ) : null}
    </article>
  )
}
