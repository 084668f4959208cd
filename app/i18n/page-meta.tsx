import { Meta } from 'react-router'
import { useT } from './react'

/**
 * React Router's <Meta/> (the tab title and description), rendered only once the page language's dictionary is
 * loaded: route `meta` functions read it (./meta.ts). After a language switch the render suspends here until the
 * new dictionary arrives. Without this, <Meta/> ran first with the old dictionary, and when the new one settled
 * before React's next slice of work, React resumed only the component that suspended further down, so the
 * English title was committed with the Chinese page and nothing rendered it again.
 */
export function PageMeta() {
  useT()
  return <Meta />
}
