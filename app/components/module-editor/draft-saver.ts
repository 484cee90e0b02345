import type { Locale } from '~/i18n/config'

// One language's draft saved as the author types (ADR 021): a pause in typing sends the text to the
// draft endpoint, one save at a time, under the version the editor holds. A conflict stops the saving
// until the author chooses; a lost connection or a server away is retried with a growing wait; a
// refusal (raw HTML, too long) waits for the next edit.

export interface DraftText {
  title: string
  markdown: string
}

export interface DraftConflictView {
  locale: Locale
  title: string
  markdown: string
  version: number
  updatedBy: string | null
  updatedAt: string
}

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'retrying' }
  | { kind: 'refused'; messages: { field: 'title' | 'body'; text: string }[] }
  | { kind: 'conflict'; theirs: DraftConflictView }

/** A pause this long in typing saves: long enough not to save every word, short enough to lose little. */
export const SAVE_PAUSE_MS = 1200
const RETRY_FIRST_MS = 1000
const RETRY_MAX_MS = 30_000

const sameText = (a: DraftText, b: DraftText) => a.title === b.title && a.markdown === b.markdown

/** What the saver needs from the browser; tests give their own clock and network. */
export interface SaverEnvironment {
  fetch: typeof fetch
  setTimeout: (run: () => void, ms: number) => unknown
  clearTimeout: (timer: unknown) => void
  random: () => number
}

const browser = (): SaverEnvironment => ({
  fetch: (...args) => fetch(...args),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  random: Math.random,
})

export class DraftSaver {
  private latest: DraftText
  private stored: DraftText
  private inFlight: Promise<void> | null = null
  private timer: unknown
  private retryDelay = RETRY_FIRST_MS
  /** A conflict or a refusal (a signed-out author's included): nothing is sent until the author acts. */
  private stopped = false
  state: SaveState = { kind: 'saved', at: null }

  constructor(
    private readonly options: {
      url: string
      locale: Locale
      version: number
      text: DraftText
      onState: (state: SaveState, version: number) => void
      environment?: SaverEnvironment
    },
    private readonly env = options.environment ?? browser(),
    public version = options.version,
  ) {
    this.latest = this.stored = options.text
  }

  /** The author changed the text: saved after a pause (not while a conflict or refusal waits for them). */
  change(text: DraftText) {
    this.latest = text
    if (this.state.kind === 'refused') this.stopped = false
    if (this.stopped) return
    this.set(sameText(text, this.stored) && !this.inFlight ? { kind: 'saved', at: null } : { kind: 'pending' })
    this.schedule(SAVE_PAUSE_MS)
  }

  /** Back online: no need to wait for the next retry. */
  online() {
    if (!this.stopped && !sameText(this.latest, this.stored)) this.schedule(0)
  }

  /** The page's form is being posted with these texts and this version: no save of ours may cross it. */
  suspend() {
    this.env.clearTimeout(this.timer)
    this.stopped = true
  }

  /** The form came back (refused, not reloaded): saving as one types goes on, unless the author must act. */
  resume() {
    if (this.state.kind === 'conflict' || this.state.kind === 'refused') return
    this.stopped = false
    this.online()
  }

  /** Waits for a save on its way, so a form posted next carries the version it produced. */
  settled(): Promise<void> {
    return this.inFlight ?? Promise.resolve()
  }

  /** Conflict: replace their text with the author's, knowingly (their version becomes the base). */
  keepMine(theirs: DraftConflictView) {
    this.version = theirs.version
    this.stored = { title: theirs.title, markdown: theirs.markdown }
    this.stopped = false
    this.set({ kind: 'pending' })
    this.schedule(0)
  }

  /** Conflict: take their text; the editor shows it, and nothing needs saving. */
  takeTheirs(theirs: DraftConflictView) {
    this.version = theirs.version
    this.latest = this.stored = { title: theirs.title, markdown: theirs.markdown }
    this.stopped = false
    this.set({ kind: 'saved', at: theirs.updatedAt })
  }

  dispose() {
    this.env.clearTimeout(this.timer)
    this.stopped = true
  }

  private set(state: SaveState) {
    this.state = state
    this.options.onState(state, this.version)
  }

  private schedule(delay: number) {
    this.env.clearTimeout(this.timer)
    this.timer = this.env.setTimeout(() => void this.send(), delay)
  }

  private async send(): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.send())
    if (this.stopped) return
    if (sameText(this.latest, this.stored)) {
      if (this.state.kind !== 'saved') this.set({ kind: 'saved', at: null })
      return
    }
    const sent = this.latest
    this.set({ kind: 'saving' })
    const body = new URLSearchParams({ locale: this.options.locale, version: String(this.version), ...sent })
    this.inFlight = post(this.env.fetch, this.options.url, body).then((reply) => {
      this.inFlight = null
      this.settle(reply, sent)
    })
    return this.inFlight
  }

  private settle(reply: Reply, sent: DraftText) {
    if (this.stopped && reply.kind !== 'saved') return // the form took over meanwhile
    if (reply.kind === 'saved') {
      this.stored = sent
      this.version = reply.version
      this.retryDelay = RETRY_FIRST_MS
      if (sameText(this.latest, sent)) this.set({ kind: 'saved', at: reply.savedAt })
      else if (!this.stopped) this.schedule(0)
      return
    }
    if (reply.kind === 'retry') {
      this.set({ kind: 'retrying' })
      this.schedule(this.retryDelay + this.env.random() * 500)
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS)
      return
    }
    this.stopped = true
    this.set(reply.state)
  }
}

type Reply =
  { kind: 'saved'; version: number; savedAt: string } | { kind: 'retry' } | { kind: 'stop'; state: SaveState }

async function post(send: typeof fetch, url: string, body: URLSearchParams): Promise<Reply> {
  let response: Response
  try {
    response = await send(url, { method: 'POST', body, headers: { Accept: 'application/json' } })
  } catch {
    return { kind: 'retry' } // no connection
  }
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (response.ok && json && typeof json.version === 'number')
    return { kind: 'saved', version: json.version, savedAt: String(json.savedAt) }
  if (response.status === 409 && json?.conflict)
    return { kind: 'stop', state: { kind: 'conflict', theirs: json.conflict as DraftConflictView } }
  if (response.status >= 500) return { kind: 'retry' } // the server away (503) or failing: try again later
  const problems = Array.isArray(json?.problems) ? (json.problems as { field: 'title' | 'body'; text: string }[]) : []
  const message = typeof json?.message === 'string' ? json.message : ''
  return {
    kind: 'stop',
    state: { kind: 'refused', messages: problems.length > 0 ? problems : [{ field: 'body', text: message }] },
  }
}
