import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseStudyForm, reviewDuration } from '~/utils/review-input.server'

const form = (fields: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.append(k, v)
  return f
}
const valid = { intent: 'review', reviewId: 'a1b2c3d4-e5f6', itemId: 'mh-date-x', rating: '3', shownAt: '1700000000000', durationMs: '' }

describe('parseStudyForm', () => {
  it('accepts a well-formed review and an undo', () => {
    expect(parseStudyForm(form(valid))).toEqual({
      ok: true,
      value: { intent: 'review', reviewId: 'a1b2c3d4-e5f6', itemId: 'mh-date-x', rating: 3, shownAt: 1700000000000, durationMs: undefined },
    })
    expect(parseStudyForm(form({ intent: 'undo' }))).toEqual({ ok: true, value: { intent: 'undo' } })
  })

  it.each([
    [{ ...valid, rating: '5' }, 'rating: must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)'],
    [{ ...valid, rating: '0' }, 'rating: must be 1'],
    [{ ...valid, rating: '3.0' }, 'rating: must be 1'],
    [{ ...valid, reviewId: 'short' }, 'reviewId: must be 8–64'],
    [{ ...valid, reviewId: 'x'.repeat(65) }, 'reviewId: must be 8–64'],
    [{ ...valid, itemId: '../../etc' }, 'itemId: must be lower-case'],
    [{ ...valid, durationMs: '-5' }, 'durationMs: must be a whole number'],
    [{ intent: 'delete' }, 'intent'],
  ])('refuses %o with a clear message', (fields, message) => {
    const result = parseStudyForm(form(fields as Record<string, string>))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
  })

  it('refuses a field sent twice and a file upload', () => {
    const twice = form(valid)
    twice.append('rating', '1')
    expect(parseStudyForm(twice)).toEqual({ ok: false, error: 'rating: was sent more than once' })
    const file = form(valid)
    file.set('itemId', new Blob(['x']), 'x.txt')
    expect(parseStudyForm(file)).toEqual({ ok: false, error: 'itemId: must be text' })
  })

  it('never throws, whatever the fields (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('intent', 'reviewId', 'itemId', 'rating', 'shownAt', 'durationMs', 'x'),
          fc.string({ unit: 'binary' }),
        ),
        (fields) => {
          const result = parseStudyForm(form(fields))
          expect(typeof result.ok).toBe('boolean')
        },
      ),
      { numRuns: 500 },
    )
  }, 60_000) // hundreds of generated cases: a correctness check, not a timing one (slow on a loaded machine)
})

describe('reviewDuration', () => {
  it('prefers the client measurement, else time since shown, clamped to 0..10 min', () => {
    expect(reviewDuration({ durationMs: 4200, shownAt: 0 }, 10_000)).toBe(4200)
    expect(reviewDuration({ shownAt: 1000 }, 6000)).toBe(5000)
    expect(reviewDuration({ shownAt: 9000 }, 6000)).toBe(0)
    expect(reviewDuration({ durationMs: 86_400_000 }, 0)).toBe(600_000)
    expect(reviewDuration({}, 5)).toBe(0)
  })
})
