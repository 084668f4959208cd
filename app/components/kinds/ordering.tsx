import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { OrderingInput } from '../questions/ordering-input'
import { Text } from '../questions/texts'
import type { KindView } from './view'

export const orderingView: KindView<QuestionOf<'ordering'>, DetailOf<'ordering'>> = {
  Input: ({ question, mode, uiLang }) => <OrderingInput events={question.events} mode={mode} uiLang={uiLang} />,
  Verdict: function OrderingVerdict({ question, detail, mode, uiLang }) {
    const t = useT()
    return (
      <>
        <p className="verdict-sub">{t.correctOrder}</p>
        <ol className="verdict-list">
          {detail.correctOrder.map((displayIndex, pos) => (
            <li key={displayIndex} className={detail.given[pos] === displayIndex ? 'right' : 'wrong'}>
              <Text text={question.events[displayIndex]!} mode={mode} uiLang={uiLang} />
            </li>
          ))}
        </ol>
      </>
    )
  },
}
