import { readsTheSameInBoth } from '~/domain/bilingual'
import type { Lang } from '~/i18n'
import type { CardLanguage } from '../card-view'

export interface Bilingual {
  en: string
  zh: string
}

/** Inline text in the learner's card language (both: UI language first, the other after it, unless they read the same). */
export function Text({ text, mode, uiLang }: { text: Bilingual; mode: CardLanguage; uiLang: Lang }) {
  if (mode === 'en') return <span lang="en">{text.en}</span>
  if (mode === 'zh') return <span lang="zh-Hans">{text.zh}</span>
  const first = uiLang === 'zh-Hans' ? { lang: 'zh-Hans', v: text.zh } : { lang: 'en', v: text.en }
  const second = uiLang === 'zh-Hans' ? { lang: 'en', v: text.en } : { lang: 'zh-Hans', v: text.zh }
  // "1997 / 1997 年" says one thing twice: show it once, as the interface language writes it.
  if (readsTheSameInBoth(text)) return <span lang={first.lang}>{first.v}</span>
  return (
    <span className="both">
      <span lang={first.lang}>{first.v}</span>
      <span lang={second.lang} className="secondary-text">
        {second.v}
      </span>
    </span>
  )
}

/** A plain string for labels (aria-label, option text): the primary language only. */
export function plain(text: Bilingual, mode: CardLanguage, uiLang: Lang): string {
  if (mode === 'en') return text.en
  if (mode === 'zh') return text.zh
  return uiLang === 'zh-Hans' ? text.zh : text.en
}
