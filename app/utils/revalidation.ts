import type { ShouldRevalidateFunctionArgs } from 'react-router'

/**
 * `shouldRevalidate` for every loader on the study screen, online and offline: a Check keeps the first verdict and
 * schedules nothing, so no loader shows anything new after one. Loading again would show the verdict while a
 * navigation is still pending, its rating buttons disabled: a rating key pressed then was ignored, and the
 * suggested rating mounted disabled could not take the focus.
 */
export function skipRevalidationAfterCheck({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return formData?.get('intent') === 'check' ? false : defaultShouldRevalidate
}
