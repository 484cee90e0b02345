import { fieldPosition } from '~/modules/quiz/answer-fields'
import { AnswerQueue, answerFields, readStoredAnswers, retryDelayMs, storeAnswers } from './unsaved-answers'

/** What the learner is told under the questions. */
export type SaverStatus =
  | { kind: 'idle' }
  | { kind: 'saved'; at: string }
  /** Saves failed (no connection, server busy): `waiting` answers are kept and retried. */
  | { kind: 'retrying'; waiting: number; submitting: boolean }
  /** The server refused for good (signed out, attempt closed…): its message, in the learner's language
   * (null when the reply had none, e.g. from a proxy), and where to go on (the result of a closed attempt). */
  | { kind: 'refused'; message: string | null; signedOut: boolean; next: string | null }

export interface SaverOptions {
  attemptId: string
  /** The answers endpoint: the page's form fields in, JSON out. */
  saveUrl: string
  /** The `seq` the page was rendered with; saves add the milliseconds since. */
  pageSeq: number
  form: () => HTMLFormElement | null
  onStatus: (status: SaverStatus) => void
  /** Leaves the page: to the result once submitted. */
  goTo: (url: string) => void
  storage?: Storage
  now?: () => number
}

type Reply = { savedAt?: string; next?: string; message?: string }

const DEBOUNCE_MS = 800
/** Answers worth retrying: the server could not take the request just now. */
const isTransient = (status: number) => status === 408 || status === 429 || status >= 500

/**
 * The attempt page's saving with JavaScript. It never leaves the page on a save or a submit it could
 * not deliver: answers post in the background a moment after each change; a failed post keeps them
 * on screen and in the tab's storage and is retried with backoff (at once when the browser is back
 * online); a reload sends what was left unsaved; a submit waits for the connection too. One post is
 * in flight at a time, each with a larger `seq`, so saves are stored in the order they were made.
 */
export class AnswerSaver {
  private readonly queue = new AnswerQueue()
  private readonly loadedAt: number
  private inFlight = false
  private submitting = false
  private stopped = false
  private failures = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly options: SaverOptions) {
    this.loadedAt = this.now()
  }

  /** Sends what an earlier load of this attempt left unsaved and listens for the connection's return. */
  start() {
    const stored = readStoredAnswers(this.storage, this.options.attemptId)
    const form = this.options.form()
    if (stored && form) {
      restoreFields(form, stored.positions, stored.fields)
      for (const position of stored.positions) this.queue.changed(position)
      this.retrying()
      this.schedule(0)
    }
    const online = () => (this.queue.size > 0 || this.submitting ? this.schedule(0) : undefined)
    window.addEventListener('online', online)
    return () => {
      window.removeEventListener('online', online)
      clearTimeout(this.timer)
    }
  }

  /** The learner changed the answer to the question at `position`. */
  changed(position: number) {
    if (this.stopped) return
    this.queue.changed(position)
    this.remember()
    // After a failure the backoff decides when to try again; otherwise wait for the learner to pause.
    if (this.failures === 0) this.schedule(DEBOUNCE_MS)
    else this.retrying()
  }

  /** "Save answers": now, every question included, so the learner sees it confirmed. */
  saveNow(positions: number[]) {
    for (const position of positions) this.queue.changed(position)
    this.failures = 0
    this.schedule(0)
  }

  /** "Submit for grading" (or the clock at the deadline): saves and grades, retried like a save. */
  submit() {
    this.submitting = true
    this.failures = 0
    this.schedule(0)
  }

  private async send() {
    const form = this.options.form()
    if (this.inFlight || this.stopped || !form || (this.queue.size === 0 && !this.submitting)) return
    this.inFlight = true
    const version = this.queue.current()
    const body = new FormData(form)
    body.set('intent', this.submitting ? 'submit' : 'save')
    body.set('seq', String(this.options.pageSeq + (this.now() - this.loadedAt)))
    try {
      const response = await fetch(this.options.saveUrl, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
      })
      const reply = (await response.json().catch(() => ({}))) as Reply
      if (!response.ok && isTransient(response.status)) throw new Error(`HTTP ${response.status}`)
      this.failures = 0
      if (response.ok) this.stored(version, reply)
      else this.refused(response.status, reply)
    } catch {
      this.failures += 1
      this.retrying()
      this.schedule(retryDelayMs(this.failures))
    } finally {
      this.inFlight = false
    }
  }

  private stored(version: number, reply: Reply) {
    this.queue.acknowledged(version)
    this.remember()
    if (reply.next) {
      this.stopped = true
      return this.options.goTo(reply.next)
    }
    // Changes made meanwhile, or a submit pressed while this save was on its way, go next.
    if (this.queue.size > 0 || this.submitting) return this.schedule(0)
    this.options.onStatus({ kind: 'saved', at: reply.savedAt ?? new Date(this.now()).toISOString() })
  }

  private refused(status: number, reply: Reply) {
    this.stopped = true
    const signedOut = status === 401
    // Only an attempt that is gone or closed can never take them: otherwise (signed out, a form the
    // server could not read…) the answers stay in this tab's storage for the next load of the page.
    if (status === 404 || status === 409)
      storeAnswers(this.storage, this.options.attemptId, { positions: [], fields: [] })
    // A submit that finds the attempt closed (its time ran out) goes on to the result, as a submit would.
    if (this.submitting && reply.next) return this.options.goTo(reply.next)
    this.options.onStatus({ kind: 'refused', message: reply.message ?? null, signedOut, next: reply.next ?? null })
  }

  private retrying() {
    this.options.onStatus({ kind: 'retrying', waiting: this.queue.size, submitting: this.submitting })
  }

  private schedule(delayMs: number) {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.send(), delayMs)
  }

  private remember() {
    const form = this.options.form()
    if (!form) return
    const positions = this.queue.positions()
    storeAnswers(this.storage, this.options.attemptId, {
      positions,
      fields: answerFields(new FormData(form), positions),
    })
  }

  private get storage() {
    return this.options.storage ?? sessionStorage
  }

  private now() {
    return (this.options.now ?? Date.now)()
  }
}

/** Puts stored answers back on the form: the fields of those questions get exactly the stored values. */
function restoreFields(form: HTMLFormElement, positions: number[], fields: [string, string][]) {
  const wanted = new Set(positions)
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue
    const position = fieldPosition(element.name)
    if (position === null || !wanted.has(position)) continue
    const values = fields.filter(([name]) => name === element.name).map(([, value]) => value)
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox'))
      element.checked = values.includes(element.value)
    else element.value = values[0] ?? ''
  }
}
