import type { FieldMetadata } from '@conform-to/react'
import { useT } from '~/i18n/react'

/** Turns a schema's message key into the learner's language (unknown keys show as they are). */
export function useErrorText() {
  const t = useT() as unknown as Record<string, unknown>
  return (errors?: string[]) => {
    const key = errors?.[0]
    if (!key) return null
    const text = t[key]
    return typeof text === 'string' ? text : key
  }
}

/** One labelled form control with its help and its error, wired for screen readers. */
export function Field({
  meta,
  label,
  help,
  children,
}: {
  meta: FieldMetadata<unknown>
  label: string
  help?: string
  children: (describedBy: string) => React.ReactNode
}) {
  const errorText = useErrorText()
  const helpId = `${meta.id}-help`
  const describedBy = [help ? helpId : null, meta.errorId].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {children(describedBy)}
      {help ? (
        <p className="help" id={helpId}>
          {help}
        </p>
      ) : null}
      <p className="field-error" id={meta.errorId} aria-live="polite">
        {errorText(meta.errors)}
      </p>
    </div>
  )
}

/**
 * Form-level errors (not tied to one field). A throttled form says how long to wait when the action passes
 * the throttle's own delay.
 */
export function FormErrors({ errors, retryAfterSeconds }: { errors?: string[]; retryAfterSeconds?: number | null }) {
  const t = useT()
  const errorText = useErrorText()
  const text = errors?.[0] === 'errorThrottled' && retryAfterSeconds ? t.errorThrottledWait(retryAfterSeconds) : errorText(errors)
  return text ? (
    <p role="alert" className="error">
      {text}
    </p>
  ) : null
}

/** The wait an auth action passed along with a throttled reply (`retryAfterSeconds`), if any. */
export function throttleDelay(actionData: unknown): number | null {
  const seconds = (actionData as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  return typeof seconds === 'number' && seconds > 0 ? seconds : null
}
