/** A throttled form says how long to wait, from the delay the action passed along, in both languages. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createRoutesStub, Outlet } from 'react-router'
import { describe, expect, it } from 'vitest'
import { FormErrors, throttleDelay } from '~/components/field'

function render(lang: 'en' | 'zh-Hans', errors: string[], retryAfterSeconds: number | null) {
  const Stub = createRoutesStub([
    {
      id: 'root',
      path: '/',
      Component: () => createElement(Outlet),
      children: [{ index: true, Component: () => createElement(FormErrors, { errors, retryAfterSeconds }) }],
    },
  ])
  return renderToStaticMarkup(createElement(Stub, { initialEntries: ['/'], hydrationData: { loaderData: { root: { lang } } } }))
}

describe('the throttled message', () => {
  it('names the wait in seconds, or whole minutes past one, in English and Chinese', () => {
    expect(render('en', ['errorThrottled'], 12)).toContain('Too many attempts. Try again in 12 s.')
    expect(render('zh-Hans', ['errorThrottled'], 12)).toContain('尝试次数过多，请 12 秒后再试。')
    expect(render('en', ['errorThrottled'], 61)).toContain('Try again in 2 min.')
    expect(render('zh-Hans', ['errorThrottled'], 900)).toContain('请 15 分钟后再试。')
  })

  it('falls back to the plain message without a delay, and leaves other errors alone', () => {
    expect(render('en', ['errorThrottled'], null)).toContain('Too many attempts. Wait a moment, then try again.')
    expect(render('en', ['errorBadCredentials'], 12)).toContain('The e-mail or the password is wrong.')
    expect(throttleDelay({ retryAfterSeconds: 7 })).toBe(7)
    expect(throttleDelay({ result: {} })).toBeNull()
    expect(throttleDelay(undefined)).toBeNull()
  })
})
