/**
 * Anki package, legacy layout: what goes into `collection.anki21` (Anki's schema 11: tables col, notes, cards,
 * revlog, graves; note types and decks as JSON in col). One note type "Sourcedeck" with the fields Prompt,
 * Answer, Explanation and Citation and one card template; one note and one new card per item. Pure: it plans
 * the rows; app/utils/apkg-file.server.ts writes them into an SQLite file and zips it with the `media` file.
 *
 * Field texts are HTML (Anki renders fields as HTML): markup characters become entities, so a field holding
 * `<script>` shows that text. A note's guid is derived from its item id, so importing a newer export of the
 * same deck updates the notes instead of duplicating them. Tags: the kind tag, the category, the item's tags
 * and `sourcedeck-id-<id>`.
 */
import {
  cardFront,
  citationText,
  inLanguage,
  kindTag,
  textToHtml,
  type ExportDeck,
  type ExportItem,
  type ExportOptions,
} from './kind-mapping'

export const ANKI_FIELDS = ['Prompt', 'Answer', 'Explanation', 'Citation'] as const
/** Anki's field separator inside notes.flds. */
export const FIELD_SEPARATOR = '\u001f'
/** Fixed, so every Sourcedeck export shares one note type in the learner's collection. */
export const SOURCEDECK_MODEL_ID = 1764800000000
export const ID_TAG_PREFIX = 'sourcedeck-id-'

export const ANKI_SCHEMA_SQL = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`

export interface AnkiNoteRow {
  id: number
  guid: string
  mid: number
  mod: number
  usn: number
  tags: string
  flds: string
  sfld: string
  /** The first field with markup stripped: csum is the first 8 hex digits of its SHA-1, as an integer. */
  csumText: string
}

export interface AnkiCardRow {
  id: number
  nid: number
  did: number
  ord: number
  mod: number
  /** New cards are due in note order. */
  due: number
}

export interface AnkiCollectionPlan {
  col: { crt: number; mod: number; scm: number; conf: string; models: string; decks: string; dconf: string }
  notes: AnkiNoteRow[]
  cards: AnkiCardRow[]
}

/** Anki's guid alphabet (base 91, no quote or backslash). */
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~'

/** 64-bit FNV-1a of a text: a stable number for guids and deck ids (not for security). */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return hash
}

/** A note's guid: its item id hashed and written in base 91, as Anki writes its own. */
export function guidFor(itemId: string): string {
  let n = fnv1a64(`sourcedeck:${itemId}`)
  let out = ''
  do {
    out = BASE91[Number(n % 91n)]! + out
    n /= 91n
  } while (n > 0n)
  return out
}

/** A stable Anki deck id for a Sourcedeck deck: 13 digits, like Anki's millisecond ids. */
export function ankiDeckId(deckId: string): number {
  return 1_000_000_000_000 + Number(fnv1a64(`deck:${deckId}`) % 8_000_000_000_000n)
}

/** Anki's markup stripping for the sort field and checksum: tags removed, entities decoded. */
export function stripAnkiHtml(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<!--[\s\S]*?-->/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The four fields of an item's note, as HTML. */
export function ankiFields(entry: ExportItem, options: ExportOptions): string[] {
  const { item } = entry
  return [
    cardFront(item, options.lang),
    inLanguage(item.answer, options.lang),
    inLanguage(item.explanation, options.lang),
    citationText(item, options),
  ].map(textToHtml)
}

/** Anki tags: no spaces inside one tag. */
function ankiTag(tag: string): string {
  return tag.replace(/\s+/g, '_')
}

const CARD_CSS = `.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background-color: white; }
.explanation { margin-top: 1em; }
.citation { margin-top: 1em; font-size: 0.8em; color: #555; }`

function noteType(now: number, did: number) {
  return {
    id: SOURCEDECK_MODEL_ID,
    name: 'Sourcedeck',
    type: 0,
    mod: Math.floor(now / 1000),
    usn: -1,
    sortf: 0,
    did,
    tmpls: [
      {
        name: 'Card 1',
        ord: 0,
        qfmt: '{{Prompt}}',
        afmt: '{{FrontSide}}\n<hr id=answer>\n{{Answer}}\n<div class=explanation>{{Explanation}}</div>\n<div class=citation>{{Citation}}</div>',
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      },
    ],
    flds: ANKI_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: CARD_CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // The one template needs the Prompt field (ord 0).
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  }
}

function deckJson(id: number, name: string, description: string, now: number) {
  return {
    id,
    name,
    desc: description,
    mod: Math.floor(now / 1000),
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    conf: 1,
    dyn: 0,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  }
}

const DECK_OPTIONS = {
  id: 1,
  name: 'Default',
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
}

/** Everything collection.anki21 holds for these items. `now` is milliseconds since the epoch. */
export function planAnkiCollection(
  deck: ExportDeck,
  items: readonly ExportItem[],
  options: ExportOptions,
  now: number,
): AnkiCollectionPlan {
  const did = ankiDeckId(deck.id)
  const deckName = `Sourcedeck::${inLanguage(deck.title, options.lang)}`
  const notes: AnkiNoteRow[] = []
  const cards: AnkiCardRow[] = []
  items.forEach((entry, i) => {
    const fields = ankiFields(entry, options)
    const { item } = entry
    const tags = [kindTag(item.kind), item.category, ...item.tags, `${ID_TAG_PREFIX}${item.id}`].map(ankiTag)
    const id = now + i
    const sfld = stripAnkiHtml(fields[0]!)
    notes.push({
      id,
      guid: guidFor(item.id),
      mid: SOURCEDECK_MODEL_ID,
      mod: Math.floor(now / 1000),
      usn: -1,
      tags: ` ${tags.join(' ')} `,
      flds: fields.join(FIELD_SEPARATOR),
      sfld,
      csumText: sfld,
    })
    cards.push({ id, nid: id, did, ord: 0, mod: Math.floor(now / 1000), due: i + 1 })
  })
  const conf = {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: String(SOURCEDECK_MODEL_ID),
    nextPos: items.length + 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
  }
  const decks = {
    '1': deckJson(1, 'Default', '', now),
    [String(did)]: deckJson(did, deckName, '', now),
  }
  const dayStart = Math.floor(now / 86_400_000) * 86_400
  return {
    col: {
      crt: dayStart,
      mod: now,
      scm: now,
      conf: JSON.stringify(conf),
      models: JSON.stringify({ [String(SOURCEDECK_MODEL_ID)]: noteType(now, did) }),
      decks: JSON.stringify(decks),
      dconf: JSON.stringify({ '1': DECK_OPTIONS }),
    },
    notes,
    cards,
  }
}
