import { getSelectProps, type FieldMetadata } from '@conform-to/react'
import { useEffect, useId, useState } from 'react'
import { Field } from '~/components/field'
import { filterTimeZones, findTimeZone, type TimeZoneGroup } from '~/domain/time-zones'
import { useT } from '~/i18n/react'

/**
 * The time-zone select, grouped by region, the device's own zone first. A search field narrows it as you type
 * and picks the first match; it shows only where scripts run (CSS `scripting`), and without them the grouped
 * select works alone.
 */
export function TimeZonePicker({
  meta,
  groups,
  detected,
  initial,
}: {
  meta: FieldMetadata<string>
  groups: TimeZoneGroup[]
  /** The browser's zone (from its tz cookie), offered first; null before the browser has said (scripts then ask it). */
  detected: { id: string; label: string } | null
  initial: string
}) {
  const t = useT()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const [zone, setZone] = useState(initial)
  const [device, setDevice] = useState(detected)
  // On a first visit no page has reported the zone yet: with scripts, ask the browser (after hydration, so the
  // server's page and the first render agree).
  useEffect(() => {
    setDevice(detected ?? findTimeZone(groups, Intl.DateTimeFormat().resolvedOptions().timeZone))
  }, [detected, groups])
  const shown = filterTimeZones(groups, query)
  const matches = shown.reduce((n, g) => n + g.zones.length, 0)
  const noMatch = query.trim() !== '' && matches === 0
  const visible = noMatch ? groups : shown

  function search(text: string) {
    setQuery(text)
    const first = filterTimeZones(groups, text)[0]?.zones[0]
    // The chosen zone follows the search while it is filtered out, so what is saved is what is shown.
    if (first && !filterTimeZones(groups, text).some((g) => g.zones.some((z) => z.id === zone))) setZone(first.id)
  }

  const { defaultValue: _defaultValue, ...selectProps } = getSelectProps(meta)
  return (
    <>
      <div className="field tz-search">
        <label htmlFor={searchId}>{t.timeZoneSearch}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => search(e.currentTarget.value)}
          autoComplete="off"
          aria-describedby={`${searchId}-status`}
        />
        <p className="help" id={`${searchId}-status`} aria-live="polite">
          {noMatch ? t.timeZoneNoMatch : query.trim() ? t.timeZoneMatches(matches) : t.timeZoneSearchHelp}
        </p>
      </div>
      <Field meta={meta} label={t.timeZone} help={t.timeZoneHelp}>
        {(d) => (
          <select {...selectProps} className="tz-select" value={zone} onChange={(e) => setZone(e.currentTarget.value)} aria-describedby={d}>
            {device && !query.trim() ? (
              <optgroup label={t.timeZoneThisDevice}>
                <option value={device.id}>{device.label}</option>
              </optgroup>
            ) : null}
            {visible.map((g) => (
              <optgroup key={g.region} label={t.timeZoneRegions[g.region]}>
                {g.zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
    </>
  )
}
