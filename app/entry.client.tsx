/**
 * React Router's default browser entry, except that the page's own dictionary is loaded first: the study page
 * ships one language, not both (app/i18n/load.ts).
 */
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { HydratedRouter } from 'react-router/dom'
import { isLang } from './i18n'
import { loadMessages } from './i18n/load'

const lang = document.documentElement.lang
loadMessages(isLang(lang) ? lang : 'en')
  .catch(() => undefined) // the page still hydrates; useT then retries the load
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <HydratedRouter />
        </StrictMode>,
      )
    })
  })
