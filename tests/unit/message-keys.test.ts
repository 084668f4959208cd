/** Errors travel as typed message keys (issue 10.4): every key a schema can produce exists in both languages. */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  assignmentSchema,
  classActionSchema,
  classesActionSchema,
  joinSchema,
  resetPasswordSchema,
  signUpSchema,
} from '~/domain/account-forms'
import { settingsActionSchema, settingsSchema } from '~/domain/settings-form'
import { quizSetupSchema } from '~/domain/quiz'
import { cardActionSchema } from '~/domain/card-forms'
import { browserFiltersSchema } from '~/domain/card-browser'
import { en } from '~/i18n/en'
import { zhHans } from '~/i18n/zh-Hans'
import { isMessageKey, messageText, msg } from '~/i18n/keys'

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message)
}

describe('message keys', () => {
  it('are checked by the compiler', () => {
    expect(msg('errorBadForm')).toBe('errorBadForm')
    // @ts-expect-error a typo is not a message key (tsc fails if this line ever compiles)
    expect(msg('errorBadFrom')).toBe('errorBadFrom')
    // @ts-expect-error a message with parameters is not a plain key
    expect(msg('tabTitle')).toBe('tabTitle')
  })

  it('show in either language, and anything else shows nothing (never raw English from the server)', () => {
    expect(messageText(zhHans, 'errorAnsweredElsewhere')).toBe('这张卡片刚刚已在别处作答，本次未保存。请刷新页面后继续。')
    expect(messageText(en, 'errorAnsweredElsewhere')).toMatch(/answered elsewhere/)
    expect(messageText(zhHans, 'There is no such class.')).toBeNull()
    expect(messageText(zhHans, 'tabTitle')).toBeNull()
    expect(messageText(zhHans, 'constructor')).toBeNull()
    expect(isMessageKey(zhHans, undefined)).toBe(false)
  })

  it('are all that the form schemas produce, in both dictionaries', () => {
    const produced = [
      ...messagesOf(signUpSchema, { displayName: '', email: 'x', password: 'short', role: 'admin' }),
      ...messagesOf(signUpSchema, {}),
      ...messagesOf(resetPasswordSchema, { password: 'long enough password', confirm: 'other' }),
      ...messagesOf(joinSchema, { code: '!' }),
      ...messagesOf(assignmentSchema, { title: '', dueDate: 'soon', goal: 'quiz', targetRecall: 2 }),
      ...messagesOf(settingsSchema, {
        desiredRetention: 2,
        newPerDay: -1,
        maxReviewsPerDay: 1.5,
        uiLanguage: 'fr',
        cardLanguage: 'x',
        timeZone: 'Mars/Base',
      }),
      ...messagesOf(quizSetupSchema, { count: 0, timeLimitMinutes: 999 }),
      ...messagesOf(cardActionSchema, { intent: 'delete' }),
      ...messagesOf(browserFiltersSchema, { category: 'x', kind: 'y', status: 'z', page: 0 }),
      ...messagesOf(classActionSchema, { intent: 'drop-table' }),
      ...messagesOf(classesActionSchema, { intent: 'create', name: '' }),
    ]
    expect(produced.length).toBeGreaterThan(15)
    for (const message of produced) {
      expect(isMessageKey(en, message), message).toBe(true)
      expect(isMessageKey(zhHans, message), message).toBe(true)
    }
  })
})

describe('one schema per action, discriminated on intent', () => {
  it('parses each of the class page intents, and only those', () => {
    expect(classActionSchema.parse({ intent: 'archive' })).toEqual({ intent: 'archive' })
    expect(classActionSchema.parse({ intent: 'remove-student', userId: 'u1' })).toEqual({ intent: 'remove-student', userId: 'u1' })
    const created = classActionSchema.parse({
      intent: 'create-assignment',
      title: 'T',
      deckId: 'dates',
      dueDate: '2099-01-01',
      goal: 'memory',
    })
    expect(created).toMatchObject({ intent: 'create-assignment', targetRecall: 0.85 })
    expect(messagesOf(classActionSchema, { intent: 'drop-table' })).toEqual(['errorUnknownIntent'])
    expect(messagesOf(classActionSchema, { intent: 'remove-student' })).toHaveLength(1)
  })

  it('keeps the assignment rules inside the union (a scope, a quiz target)', () => {
    const base = { intent: 'create-assignment', title: 'T', dueDate: '2099-01-01' }
    const noScope = classActionSchema.safeParse({ ...base, goal: 'memory' })
    expect(noScope.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['deckId', 'errorScope']])
    const noTarget = classActionSchema.safeParse({ ...base, deckId: 'dates', goal: 'quiz' })
    expect(noTarget.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['targetScore', 'errorTargetScore']])
  })

  it('parses the classes page intents', () => {
    expect(classesActionSchema.parse({ intent: 'join', code: 'abc123' })).toEqual({ intent: 'join', code: 'ABC123' })
    expect(classesActionSchema.parse({ intent: 'create', name: ' Mine ' })).toEqual({ intent: 'create', name: 'Mine' })
    expect(messagesOf(classesActionSchema, { intent: 'archive' })).toEqual(['errorUnknownIntent'])
  })

  it('parses the settings page: the settings form (which has no intent field) and the FSRS parameters form', () => {
    const settings = {
      desiredRetention: 0.9,
      newPerDay: 20,
      maxReviewsPerDay: 200,
      uiLanguage: 'zh-Hans',
      cardLanguage: 'both',
      timeZone: 'Asia/Shanghai',
    }
    expect(settingsActionSchema.parse(settings)).toEqual(settings)
    expect(settingsActionSchema.parse({ ...settings, intent: 'save-settings' })).toMatchObject({ intent: 'save-settings', newPerDay: 20 })
    expect(settingsActionSchema.parse({ intent: 'fsrs-parameters', parameters: 'default' })).toEqual({
      intent: 'fsrs-parameters',
      parameters: 'default',
    })
    expect(messagesOf(settingsActionSchema, { intent: 'fsrs-parameters', parameters: 'mine' })).toEqual(['errorParameters'])
    expect(messagesOf(settingsActionSchema, { intent: 'delete-account' })).toEqual(['errorUnknownIntent'])
  })
})
