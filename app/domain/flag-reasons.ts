/** What a learner can report about an item (no schema library here: the study page ships this to the browser). */
export const FLAG_REASONS = ['wrong', 'unclear', 'translation', 'other'] as const
export type FlagReason = (typeof FLAG_REASONS)[number]
export const FLAG_NOTE_MAX = 1000
