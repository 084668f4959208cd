import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths'

/**
 * The stylesheet is plain CSS with no nesting: a rule inside another rule only comes from a lost closing
 * brace (a merge that went wrong), and the build then quietly scopes every following rule under it.
 */
describe('app/styles.css', () => {
  it('has balanced braces and no rule nested in another (only at-rules hold rules)', () => {
    const css = readFileSync(path.join(ROOT, 'app', 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    const stack: Array<{ atRule: boolean; selector: string }> = []
    const nested: string[] = []
    let start = 0
    for (let i = 0; i < css.length; i++) {
      if (css[i] === '{') {
        const selector = css.slice(start, i).split(/[;}]/).pop()!.trim()
        if (stack.length > 0 && !stack[stack.length - 1]!.atRule) nested.push(`${stack[stack.length - 1]!.selector} > ${selector}`)
        stack.push({ atRule: selector.startsWith('@'), selector })
        start = i + 1
      } else if (css[i] === '}') {
        expect(stack.length, `unmatched } at offset ${i}`).toBeGreaterThan(0)
        stack.pop()
        start = i + 1
      }
    }
    expect(nested).toEqual([])
    expect(stack.map((s) => s.selector)).toEqual([])
  })
})
