import { describe, expect, it } from 'vitest'
import { filterTimeZones, groupTimeZones, placeName, shortOffset, timeZoneOption, utcOffset } from '~/domain/time-zones'

const ALL = [...Intl.supportedValuesOf('timeZone'), 'UTC']
const WINTER = new Date('2026-01-15T12:00:00Z')

describe('time-zone picker list', () => {
  it('groups every zone once by region, Asia first and UTC last, with readable places and offsets', () => {
    const groups = groupTimeZones(ALL, 'en', WINTER)
    expect(groups.map((g) => g.region).slice(0, 3)).toEqual(['Asia', 'Europe', 'America'])
    expect(groups.at(-1)).toEqual({ region: 'Other', zones: [{ id: 'UTC', label: 'UTC' }] })
    expect(groups.flatMap((g) => g.zones.map((z) => z.id)).sort()).toEqual([...new Set(ALL)].sort())
    const asia = groups.find((g) => g.region === 'Asia')!.zones
    expect(asia.find((z) => z.id === 'Asia/Tokyo')?.label).toBe('Tokyo (UTC+9)')
    expect(asia.find((z) => z.id === 'Asia/Calcutta')?.label).toBe('Kolkata (UTC+5:30)')
    expect(placeName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires, Argentina')
  })

  it('shows the current offset, daylight saving included', () => {
    expect(utcOffset('Europe/London', WINTER)).toBe('UTC+00:00')
    expect(utcOffset('Europe/London', new Date('2026-07-15T12:00:00Z'))).toBe('UTC+01:00')
    expect(utcOffset('America/New_York', WINTER)).toBe('UTC-05:00')
  })

  it('writes offsets as short as they read, for a closed select on a phone', () => {
    expect(['UTC+09:00', 'UTC+05:30', 'UTC-03:00', 'UTC+00:00', 'UTC+10:30', 'UTC-12:00'].map(shortOffset)).toEqual([
      'UTC+9',
      'UTC+5:30',
      'UTC-3',
      'UTC+0',
      'UTC+10:30',
      'UTC-12',
    ])
  })

  it('names places in Chinese where the ICU data does, the English place added only where two share a name', () => {
    const zones = groupTimeZones(ALL, 'zh-Hans', WINTER).flatMap((g) => g.zones)
    expect(zones.find((z) => z.id === 'Asia/Tokyo')?.label).toBe('日本（UTC+9）')
    expect(zones.find((z) => z.id === 'America/Chicago')?.label).toBe('芝加哥（UTC-6）')
    // Each label names one zone.
    expect(new Set(zones.map((z) => z.label)).size).toBe(zones.length)
    // A zone named alone (its Chinese name not known to be unique) keeps the English place.
    expect(timeZoneOption('Asia/Tokyo', 'zh-Hans', WINTER).label).toBe('日本（Tokyo）UTC+9')
  })

  it('search narrows by place (old or new name, English or Chinese) and offset; nothing found gives nothing', () => {
    const ids = (groups: ReturnType<typeof groupTimeZones>) => groups.flatMap((g) => g.zones.map((z) => z.id))
    const en = groupTimeZones(ALL, 'en', WINTER)
    expect(ids(filterTimeZones(en, 'kolkata'))).toEqual(['Asia/Calcutta'])
    expect(ids(filterTimeZones(en, 'Calcutta'))).toEqual(['Asia/Calcutta'])
    expect(ids(filterTimeZones(en, 'new york'))).toEqual(['America/New_York'])
    expect(ids(filterTimeZones(en, 'UTC+9'))).toContain('Asia/Tokyo')
    expect(ids(filterTimeZones(en, 'UTC+9'))).not.toContain('Asia/Kolkata')
    expect(filterTimeZones(en, 'atlantis')).toEqual([])
    expect(filterTimeZones(en, '  ')).toBe(en)
    expect(ids(filterTimeZones(en, 'UTC+09:00'))).toContain('Asia/Tokyo')
    const zh = groupTimeZones(ALL, 'zh-Hans', WINTER)
    expect(ids(filterTimeZones(zh, '日本'))).toEqual(['Asia/Tokyo'])
    // A Chinese label names only the Chinese place; the English one still finds it.
    expect(ids(filterTimeZones(zh, 'tokyo'))).toEqual(['Asia/Tokyo'])
    expect(ids(filterTimeZones(zh, 'kolkata'))).toEqual(['Asia/Calcutta'])
  })
})
