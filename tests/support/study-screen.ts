/**
 * The study screen as a user perceives it (English interface): by role and accessible name, never by CSS class,
 * so a test breaks when what a learner sees or hears changes, not when the styling does.
 */
import type { Page } from '@playwright/test'

/** The card being studied: an article named "Question". */
export const questionCard = (page: Page) => page.getByRole('article', { name: 'Question', exact: true })

/** The card's prompt: its heading. */
export const prompt = (page: Page) => questionCard(page).getByRole('heading', { level: 2 })

/** The back of the card, shown once revealed or checked. */
export const answerRegion = (page: Page) => page.getByRole('region', { name: 'Answer', exact: true })

/** Right or wrong after Check, with what was answered against what was expected. */
export const verdict = (page: Page) => page.getByRole('region', { name: 'Result', exact: true })

/** What is left in the deck, as a screen reader reads it: "3 new, 1 learning, 0 due". */
export const remainingCounts = (page: Page) => page.getByText(/^\d+ new, \d+ learning, \d+ due$/)

/** An answer choice (choice, true/false, attribution) by (part of) its label. */
export const choice = (page: Page, label: string) => page.getByRole('radio', { name: label })

/** The labels of the answer choices, in the order shown, as a screen reader lists them. */
export async function choiceLabels(page: Page): Promise<string[]> {
  const tree = await questionCard(page).getByRole('group').ariaSnapshot()
  return [...tree.matchAll(/^\s*- radio "((?:[^"\\]|\\.)*)"/gm)].map((m) => JSON.parse(`"${m[1]}"`) as string)
}

/** The events of an ordering question, in their current order: each is a button named "2 of 3: event". */
export const orderItems = (page: Page) => page.getByRole('button', { name: /^\d+ of \d+: / })
