import type { AnswerMeaning } from '~/domain/questions'
import { useLang, useT } from '~/i18n/react'

/** A learner's answer as words in the viewer's language: the option's text, the order given, the partners … */
export function AnswerMeaningText({ meaning }: { meaning: AnswerMeaning }) {
  const t = useT()
  const lang = useLang()
  const text = (b: { en: string; zh: string }) => (lang === 'zh-Hans' ? b.zh : b.en)
  switch (meaning.kind) {
    case 'text':
      return <q>{meaning.text}</q>
    case 'option':
      return <q>{text(meaning.option)}</q>
    case 'truth':
      return <>{meaning.value ? t.trueLabel : t.falseLabel}</>
    case 'order':
      return <>{meaning.events.map(text).join(' → ')}</>
    case 'pairs':
      return <>{meaning.pairs.map((p) => `${text(p.left)} → ${p.right ? text(p.right) : '—'}`).join('; ')}</>
    case 'perspectives':
      return (
        <>
          {meaning.given
            .map(
              (g) =>
                (meaning.given.length > 1 ? `${shorten(text(g.statement))}: ` : '') +
                (g.perspective ? t.perspectiveNames[g.perspective] : '—'),
            )
            .join('; ')}
        </>
      )
  }
}

/** The start of a long statement, enough to tell two sides apart. */
function shorten(s: string): string {
  const chars = [...s]
  return chars.length <= 40 ? s : `${chars.slice(0, 40).join('')}…`
}
