/**
 * Where a CPU profile's time goes, by stage of an answer: each sample is charged to the innermost stage on its
 * stack; see STAGES.
 */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/**
 * Stages, by priority: a sample goes to the first stage any frame of its stack matches. libSQL runs a
 * statement after an await, so its frames sit under the microtask queue, not under the caller: they are
 * told apart by the client method (`batch`: the answer's transaction, its commit and fsync included;
 * `execute`: one statement, i.e. the session lookup and reading the card).
 */
const STAGES: Array<[string, (fn: string, url: string) => boolean]> = [
  ['libSQL: the answer transaction (statements, commit, fsync)', (fn, url) => url.includes('libsql') && fn === 'batch'],
  ['libSQL: single statements (session, card read)', (fn, url) => url.includes('libsql') && fn === 'execute'],
  ['scheduling (ts-fsrs)', (fn, url) => url.includes('ts-fsrs') || fn === 'scheduleReview'],
  ['session lookup (JS, drizzle)', (fn) => fn === 'getSessionUser' || fn === 'resolveVisitor'],
  ['reading the card (JS, drizzle)', (fn) => fn === 'reviewContext' || fn === 'gradeAnswer' || fn === 'liveItem'],
  ['building the answer transaction (JS, drizzle)', (fn) => fn === 'recordReview' || fn === 'writeAnswers' || fn === 'commitGroup'],
  ['drizzle (query building, row mapping)', (_fn, url) => url.includes('drizzle-orm')],
  ['form parsing', (fn) => fn === 'parseStudyForm' || fn === 'formData'],
  ['React Router (routing, middleware, action)', (_fn, url) => url.includes('react-router') || url.includes('build/server/index.js')],
  [
    'HTTP pipeline (compression, static files, body checks, headers)',
    (_fn, url) => /express|serve-static|compression|body-parser|router\/|raw-body|build\/server\.js/.test(url),
  ],
  ['Request/Response objects (undici)', (_fn, url) => url.includes('undici')],
  ['node:http, sockets, timers', (_fn, url) => url.startsWith('node:')],
]

/**
 * `window`: only samples taken between these two moments (microseconds of the monotonic clock, which V8's
 * profile timestamps and `process.hrtime` share), e.g. the measured run without start-up and warm-up.
 */
export function breakdown(profile: CpuProfile, answers: number, window?: { from: number; to: number }): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const totals = new Map<string, number>()
  let idle = 0
  let busy = 0
  let at = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0
    at += dt
    if (window && (at < window.from || at > window.to)) continue
    const leaf = byId.get(profile.samples[i]!)!
    if (leaf.callFrame.functionName === '(idle)') {
      idle += dt
      continue
    }
    busy += dt
    const frames: Array<{ functionName: string; url: string }> = []
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) frames.push(byId.get(id)!.callFrame)
    let stage = STAGES.find(([, test]) => frames.some((f) => test(f.functionName, f.url)))?.[0] ?? 'other (native, program)'
    if (leaf.callFrame.functionName === '(garbage collector)') stage = 'garbage collection'
    totals.set(stage, (totals.get(stage) ?? 0) + dt)
  }
  const perAnswer = (us: number) => (us / 1000 / Math.max(1, answers)).toFixed(3)
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1])
  const lines = [
    `busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s over ${answers} answers: ${perAnswer(busy)} ms CPU per answer`,
    '| stage | ms per answer | share |',
    '| --- | --- | --- |',
    ...rows.map(([stage, t]) => `| ${stage} | ${perAnswer(t)} | ${((t / busy) * 100).toFixed(1)} % |`),
  ]
  return lines.join('\n')
}

/** The functions with the most samples of their own (self time), per answer: where to look next. */
export function hottest(profile: CpuProfile, answers: number, window?: { from: number; to: number }, count = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let at = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0
    at += dt
    if (window && (at < window.from || at > window.to)) continue
    const { functionName, url } = byId.get(profile.samples[i]!)!.callFrame
    if (functionName === '(idle)') continue
    const key = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '')}`
    self.set(key, (self.get(key) ?? 0) + dt)
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${(us / 1000 / Math.max(1, answers)).toFixed(3)} ms  ${key}`)
    .join('\n')
}
