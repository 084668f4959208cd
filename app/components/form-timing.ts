/**
 * When Conform checks a form on the client. Errors appear on submit and clear while the learner types, never
 * on blur: a message that vanished on blur moved the button up under a finger already on its way to it, and
 * the first tap after fixing a field landed on empty space (tests/e2e/phone-forms.spec.ts).
 */
export const formTiming = { shouldValidate: 'onSubmit', shouldRevalidate: 'onInput' } as const
