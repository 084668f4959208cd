/**
 * Answering the fixture deck "kinds" (one card of every interactive kind) the way a learner would, right or
 * wrong, on the English interface: by role and label, as tests/support/study-screen.ts finds the screen.
 */
import { expect, type Page } from '@playwright/test'
import { choice, orderItems, prompt, questionCard } from './study-screen'

/** The deck's cards, one of each interactive kind. */
export const KIND_CARDS = [
  'kd-typed-meeting-day',
  'kd-choice-asean-chair',
  'kd-true-false-overnight',
  'kd-cloze-summit-day',
  'kd-ordering-autumn-trips',
  'kd-matching-roles',
  'kd-attribution-rocket-start',
  'kd-framing-pair-summit',
] as const

/**
 * How the learner works the controls: `tap` taps (an ordering's events picked up and placed, a matching's
 * partner chosen from the list under the person), `lists` uses the selects and clicks, `keyboard` is `lists`
 * except that an ordering's events are picked up and placed with Enter.
 */
export type AnswerStyle = 'tap' | 'lists' | 'keyboard'

const ORDER = ['ASEAN-related summits in Kuala Lumpur', 'APEC ministerial meeting in Gyeongju', "G7 foreign ministers' meeting in Niagara"]
const ROLES: Record<string, string> = {
  Rubio: 'U.S. Secretary of State',
  Anwar: 'Prime Minister of Malaysia',
  'Okonjo-Iweala': 'WTO Director-General',
}

/** Answers the card shown, correctly or not, without checking it; returns its prompt. */
export async function answerKindCard(page: Page, { correct, style }: { correct: boolean; style: AnswerStyle }): Promise<string> {
  const press = (label: string) => (style === 'tap' ? choice(page, label).tap() : choice(page, label).click())
  const shown = (await prompt(page).innerText()).trim()
  if (shown.includes('Rubio')) await page.getByLabel('Your answer').fill(correct ? '28 October 2025' : '29 October 2025')
  else if (shown.includes('ASEAN Chair')) await press(correct ? 'Malaysia' : 'Canada')
  else if (shown.startsWith('True or false')) await press(correct ? 'True' : 'False')
  else if (shown.startsWith('Fill the gap')) await page.getByLabel('Your answer').fill(correct ? 'Tokyo' : 'Osaka')
  else if (shown.includes('autumn 2025 trips')) await putInOrder(page, correct ? ORDER : [...ORDER].reverse(), style)
  else if (shown.includes('Match each person')) await match(page, correct, style)
  else if (shown.includes('Whose description')) await press(correct ? 'Japanese official' : 'Chinese commentary')
  else if (shown.includes('characterisation of the summit')) {
    const sides = await questionCard(page).getByRole('blockquote').allInnerTexts()
    for (const [i, side] of sides.entries()) {
      const japanese = side.includes('friendly') === correct
      await page.getByLabel(`Characterisation ${i + 1}`).selectOption({ label: japanese ? 'Japanese official' : 'Chinese commentary' })
    }
  } else throw new Error(`not a card of the kinds deck: ${shown}`)
  return shown
}

async function putInOrder(page: Page, order: readonly string[], style: AnswerStyle) {
  // Scripts running: each event is a pick-up button, and a list choice moves rows.
  await expect(orderItems(page)).toHaveCount(order.length)
  if (style === 'lists') {
    for (const [position, event] of order.entries())
      await page.getByRole('combobox', { name: `Position of “${event}”` }).selectOption(String(position + 1))
    return
  }
  for (let target = 0; target < order.length; target++) {
    const texts = await orderItems(page).allInnerTexts()
    const current = texts.findIndex((t) => t.includes(order[target]!))
    if (current === target) continue
    for (const index of [current, target]) {
      if (style === 'tap') await orderItems(page).nth(index).tap()
      else {
        await orderItems(page).nth(index).focus()
        await page.keyboard.press('Enter')
      }
    }
  }
}

async function match(page: Page, correct: boolean, style: AnswerStyle) {
  const people = Object.keys(ROLES)
  for (const [i, person] of people.entries()) {
    // A wrong answer gives each person the next person's role.
    const role = ROLES[correct ? person : people[(i + 1) % people.length]!]!
    if (style === 'tap') {
      // Tapping a person opens the list of roles named after them, right under it.
      await questionCard(page).getByRole('button', { name: person }).tap()
      await page.getByRole('list', { name: person }).getByRole('button', { name: role }).tap()
    } else await page.getByLabel(person, { exact: true }).selectOption({ label: role })
  }
}
