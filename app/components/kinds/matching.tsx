import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { MatchingInput } from '../questions/matching-input'
import { Text } from '../questions/texts'
import type { KindView } from './view'

export const matchingView: KindView<QuestionOf<'matching'>, DetailOf<'matching'>> = {
  Input: ({ question, mode, uiLang }) => <MatchingInput lefts={question.lefts} rights={question.rights} mode={mode} uiLang={uiLang} />,
  Verdict: ({ question, detail, mode, uiLang }) => (
    <ul className="verdict-list">
      {question.lefts.map((l, i) => (
        <li key={i} className={detail.given[i] === detail.correctRights[i] ? 'right' : 'wrong'}>
          <Text text={l} mode={mode} uiLang={uiLang} /> →{' '}
          <Text text={question.rights[detail.correctRights[i]!]!} mode={mode} uiLang={uiLang} />
        </li>
      ))}
    </ul>
  ),
}
