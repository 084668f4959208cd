import { useEffect, useRef, type ReactNode } from 'react'
import { Form, Link } from 'react-router'

/**
 * The second step of a destructive action: what will happen, then a button that posts the same fields with
 * confirm=1, and a way back. It is a page of its own (a plain form round trip), so it works without JavaScript;
 * focus moves to its heading so screen readers announce the question.
 */
export function ConfirmStep(props: {
  title: string
  consequences: string[]
  fields: Record<string, string>
  confirmLabel: string
  cancelTo: string
  cancelLabel: string
  /** Why the last attempt was refused (nothing was written). */
  error?: string | null
  /** What stands in the way, shown under the consequences. */
  children?: ReactNode
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="page narrow confirm-step" aria-labelledby="confirm-title" aria-describedby="confirm-consequences">
      <h1 id="confirm-title" ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.error ? (
        <p role="alert" className="error">
          {props.error}
        </p>
      ) : null}
      <div id="confirm-consequences">
        {props.consequences.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {props.children}
      <Form method="post" className="confirm-actions">
        {Object.entries(props.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="1" />
        <button type="submit" className="button danger">
          {props.confirmLabel}
        </button>
        <Link to={props.cancelTo} className="button secondary">
          {props.cancelLabel}
        </Link>
      </Form>
    </section>
  )
}
