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
  /** What the option shows: a place and the offset, e.g. "Tokyo (UTC+9)" or "日本（UTC+9）". */
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
 * "UTC+09:00" → "UTC+9", "UTC+05:30" → "UTC+5:30": as short as it reads, since a closed select on a 360 px
 * phone shows one line and cuts the rest.
 */
export function shortOffset(offset: string): string {
  return offset.replace(
    /^utc([+-])0?(\d{1,2}):?(\d\d)?$/i,
    (_, sign: string, hours: string, minutes?: string) => `UTC${sign}${hours}${minutes && minutes !== '00' ? `:${minutes}` : ''}`,
  )
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

/**
 * A zone's option. In Chinese, the place as the ICU data names it stands alone where no other zone shares that
 * name (`uniqueLocal`); otherwise the English place follows to tell them apart.
 */
export function timeZoneOption(id: string, lang: 'en' | 'zh-Hans', now: Date, uniqueLocal = false): TimeZoneOption {
  if (id === 'UTC') return { id, label: 'UTC' }
  const place = placeName(id)
  const local = lang === 'zh-Hans' ? chinesePlace(id, now) : null
  const offset = shortOffset(utcOffset(id, now))
  if (lang === 'en') return { id, label: `${place} (${offset})` }
  if (!local) return { id, label: `${place}（${offset}）` }
  return { id, label: uniqueLocal ? `${local}（${offset}）` : `${local}（${place}）${offset}` }
}

/** Every zone in its region's group, regions in TIME_ZONE_REGIONS order, places in alphabetical order. */
export function groupTimeZones(ids: readonly string[], lang: 'en' | 'zh-Hans', now: Date): TimeZoneGroup[] {
  const unique = new Set(ids)
  const localCount = new Map<string, number>()
  if (lang === 'zh-Hans')
    for (const id of unique) {
      const local = chinesePlace(id, now)
      if (local) localCount.set(local, (localCount.get(local) ?? 0) + 1)
    }
  const byRegion = new Map<TimeZoneRegion, TimeZoneOption[]>()
  for (const id of unique) {
    const region = regionOf(id)
    const local = lang === 'zh-Hans' ? chinesePlace(id, now) : null
    const option = timeZoneOption(id, lang, now, local !== null && localCount.get(local) === 1)
    byRegion.set(region, [...(byRegion.get(region) ?? []), option])
  }
  const collator = new Intl.Collator(lang)
  return [...TIME_ZONE_REGIONS, 'Other' as const]
    .filter((region) => byRegion.has(region))
    .map((region) => ({ region, zones: byRegion.get(region)!.sort((a, b) => collator.compare(a.label, b.label)) }))
}

/** The option of zone `id` in the groups, if listed. */
export function findTimeZone(groups: readonly TimeZoneGroup[], id: string): TimeZoneOption | null {
  for (const group of groups) for (const zone of group.zones) if (zone.id === id) return zone
  return null
}

/**
 * What the search matches: the label (place, offset), the English place (a Chinese label may name only its own)
 * and the id (with the old place names ICU keeps).
 */
function searchText(zone: TimeZoneOption): string {
  return `${zone.label} ${placeName(zone.id)} ${zone.id.replaceAll('_', ' ')}`.toLowerCase()
}

/** The groups narrowed to zones whose text contains every word of the query (empty groups dropped). */
export function filterTimeZones(groups: TimeZoneGroup[], query: string): TimeZoneGroup[] {
  // An offset is found however it is typed: "UTC+09:00" or "utc+9" for the label's "UTC+9".
  const words = query
    .toLowerCase()
    .replaceAll('_', ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => shortOffset(w).toLowerCase())
  if (words.length === 0) return groups
  return groups
    .map((g) => ({ ...g, zones: g.zones.filter((z) => words.every((w) => searchText(z).includes(w))) }))
    .filter((g) => g.zones.length > 0)
}
