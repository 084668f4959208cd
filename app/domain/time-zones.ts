/**
 * The time-zone picker's list: IANA zones grouped by region, each with a readable name and its current UTC
 * offset. Built on the server (so the page and its hydration see the same ICU data) and filtered in the browser.
 */

/** Regions in the order the picker shows them; anything else (UTC) goes last. */
export const TIME_ZONE_REGIONS = [
  'Asia',
  'Europe',
  'America',
  'Africa',
  'Australia',
  'Pacific',
  'Atlantic',
  'Indian',
  'Antarctica',
  'Arctic',
] as const
export type TimeZoneRegion = (typeof TIME_ZONE_REGIONS)[number] | 'Other'

export interface TimeZoneOption {
  id: string
  /** What the option shows: a place and the offset, e.g. "Tokyo (UTC+09:00)" or "日本（Tokyo）UTC+09:00". */
  label: string
}

export interface TimeZoneGroup {
  region: TimeZoneRegion
  zones: TimeZoneOption[]
}

/** Places ICU still lists under their old names (its canonical ids), shown and found by today's. */
const RENAMED: Record<string, string> = {
  Calcutta: 'Kolkata',
  Saigon: 'Ho Chi Minh City',
  Katmandu: 'Kathmandu',
  Rangoon: 'Yangon',
  Kiev: 'Kyiv',
  Coral_Harbour: 'Atikokan',
  Faeroe: 'Faroe',
  Godthab: 'Nuuk',
  Ponape: 'Pohnpei',
  Truk: 'Chuuk',
  Enderbury: 'Kanton',
  Asmera: 'Asmara',
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires, Argentina"; "Asia/Calcutta" → "Kolkata". */
export function placeName(id: string): string {
  const parts = id.split('/').map((p) => (RENAMED[p] ?? p).replaceAll('_', ' '))
  if (parts.length === 1) return parts[0]!
  const [, ...rest] = parts
  return rest.reverse().join(', ')
}

/** The zone's offset at `now`, as "UTC+09:00" ("UTC+00:00" for UTC itself). */
export function utcOffset(id: string, now: Date): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: id, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')
  const offset = name?.value.replace(/^GMT/, '') ?? ''
  return `UTC${offset === '' ? '+00:00' : offset}`
}

/**
 * The place as Chinese readers know it, where the ICU data names one: CLDR's short generic name is
 * "{place}时间" (日本时间, 芝加哥时间); a bare offset ("GMT+8") means it has no name for this zone.
 */
function chinesePlace(id: string, now: Date): string | null {
  const name = new Intl.DateTimeFormat('zh-Hans', { timeZone: id, timeZoneName: 'shortGeneric' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value
  if (!name || /^GMT/.test(name) || !name.endsWith('时间')) return null
  return name.slice(0, -'时间'.length)
}

function regionOf(id: string): TimeZoneRegion {
  const first = id.split('/')[0]
  return (TIME_ZONE_REGIONS as readonly string[]).includes(first ?? '') ? (first as TimeZoneRegion) : 'Other'
}

export function timeZoneOption(id: string, lang: 'en' | 'zh-Hans', now: Date): TimeZoneOption {
  const place = placeName(id)
  const local = lang === 'zh-Hans' ? chinesePlace(id, now) : null
  const offset = utcOffset(id, now)
  if (id === 'UTC') return { id, label: 'UTC' }
  return { id, label: local ? `${local}（${place}）${offset}` : `${place} (${offset})` }
}

/** Every zone in its region's group, regions in TIME_ZONE_REGIONS order, places in alphabetical order. */
export function groupTimeZones(ids: readonly string[], lang: 'en' | 'zh-Hans', now: Date): TimeZoneGroup[] {
  const byRegion = new Map<TimeZoneRegion, TimeZoneOption[]>()
  for (const id of new Set(ids)) {
    const region = regionOf(id)
    byRegion.set(region, [...(byRegion.get(region) ?? []), timeZoneOption(id, lang, now)])
  }
  const collator = new Intl.Collator(lang)
  return [...TIME_ZONE_REGIONS, 'Other' as const]
    .filter((region) => byRegion.has(region))
    .map((region) => ({ region, zones: byRegion.get(region)!.sort((a, b) => collator.compare(a.label, b.label)) }))
}

/** What the search matches: the label (place names, offset) and the id (with the old place names ICU keeps). */
function searchText(zone: TimeZoneOption): string {
  // Whole-hour offsets are also found as typed: "UTC+9" for UTC+09:00.
  const shortOffset = zone.label.replace(/UTC([+-])0?(\d{1,2}):00/, 'UTC$1$2')
  return `${zone.label} ${shortOffset} ${zone.id.replaceAll('_', ' ')}`.toLowerCase()
}

/** The groups narrowed to zones whose text contains every word of the query (empty groups dropped). */
export function filterTimeZones(groups: TimeZoneGroup[], query: string): TimeZoneGroup[] {
  const words = query.toLowerCase().replaceAll('_', ' ').split(/\s+/).filter(Boolean)
  if (words.length === 0) return groups
  return groups
    .map((g) => ({ ...g, zones: g.zones.filter((z) => words.every((w) => searchText(z).includes(w))) }))
    .filter((g) => g.zones.length > 0)
}
