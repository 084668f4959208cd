/** An imported item's markup and script are shown as text: React escapes them, nothing is run or parsed as HTML. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createRoutesStub } from 'react-router'
import { describe, expect, it } from 'vitest'
import { CardView } from '~/components/card-view'
import { toCardContent } from '~/domain/card-content'
import { parseCsv } from '~/domain/interchange/csv-import'
import { finishImport } from '~/domain/interchange/import-item'
import { importReferences } from '../support/import-references'

describe('an imported card on screen', () => {
  it('escapes HTML and script from the file, and shows a one-language text once', () => {
    const parsed = parseCsv('"<img src=x onerror=alert(1)> term","<script>alert(\'x\')</script>"\n', 'comma')
    if (!parsed.ok) throw new Error('parse failed')
    const done = finishImport(parsed.drafts, 'imp-render', importReferences())
    if (!done.ok) throw new Error('import failed')
    const content = toCardContent(done.items[0]!, new Map(), new Map())
    const Stub = createRoutesStub([
      { path: '/', Component: () => createElement(CardView, { content, mode: 'both', uiLang: 'en', revealed: true }) },
    ])
    const html = renderToStaticMarkup(createElement(Stub, { initialEntries: ['/'] }))
    expect(html).toContain('&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; term')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    // Same text on both sides: shown once, and no empty "Source" heading for an uncited item.
    expect(html.match(/&lt;img src=x/g)).toHaveLength(1)
    expect(html).not.toMatch(/<h3>Sources?<\/h3>/)
  })
})
