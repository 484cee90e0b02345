// The exam-start spike over HTTP: every learner starts the final exam, opens the attempt page and saves
// answers twice, `concurrency` learners at a time, as fast as the server lets them. Each request kind
// is timed on its own; every unexpected answer is counted as an error and ends that learner's run (a page
// the server cut off is counted too, but the learner goes on: its form still works).
import { filledIn, parseAttemptForm } from './attempt-form'

export const REQUEST_KINDS = ['start', 'page', 'save'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export interface SpikeOptions {
  baseUrl: string
  courseSlug: string
  /** Session tokens, one per learner. */
  tokens: string[]
  concurrency: number
  /** Every n-th learner double-clicks "Start": two starts at once that must land on the same attempt. 0: none. */
  doubleClickEvery: number
  saves: number
}

export interface SpikeRun {
  wallMs: number
  /** Sorted latencies in ms per request kind. */
  latencies: Record<RequestKind, number[]>
  sent: Record<RequestKind, number>
  errors: Record<RequestKind, number>
  /** Error descriptions and how often each happened. */
  errorKinds: Map<string, number>
  /** GETs sent again after a connection reset, by request kind and error code. */
  retried: Map<string, number>
  /** Learners whose start led to an attempt page / who got through every step. */
  started: number
  /** Second starts of a double click answered with the attempt the first one opened. */
  continued: number
  finished: number
}

class FlowError extends Error {}

const REQUEST_TIMEOUT_MS = 120_000
/** A connection the server closed (its keep-alive timer) just as a request was sent on it. */
const RESET_CODES = ['ECONNRESET', 'UND_ERR_SOCKET']
// Learners use browsers: Node's own user agent counts as a bot, and the app renders whole pages for bots
// before sending anything (entry.server.tsx) instead of streaming them. fetch asks for gzip, as browsers do.
export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 lms-bench'
const isRedirect = (status: number) => status === 302 || status === 303

const location = (response: Response) => response.headers.get('location') ?? ''

/**
 * An unexpected answer in a few words. Ids are left out, so that the same failure is counted under one
 * description; an error page is named by its heading (or a plain-text body by its start).
 */
export function describeAnswer(response: Response, body: string) {
  const to = location(response).replace(/\/attempts\/[^/?#]+/, '/attempts/:id')
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1] ?? (/<html/i.test(body) ? '' : body)
  const said = heading
    .replace(/<[^>]*>/g, '')
    .replace(/\/attempts\/[^/?#"\s]+/g, '/attempts/:id')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
  return `HTTP ${response.status}${to ? ` → ${to}` : ''}${said ? ` (${said})` : ''}`
}

const attemptIdOf = (response: Response) =>
  isRedirect(response.status) ? /^\/en\/attempts\/([^/?#]+)$/.exec(location(response))?.[1] : undefined

/** A start's attempt: the redirect's, or for a second start while it is open, the 409 page's link to it. */
export function startedAttempt(response: Response, body: string) {
  const redirected = attemptIdOf(response)
  if (redirected) return { id: redirected, continued: false }
  const open = response.status === 409 ? /href="\/en\/attempts\/([^/?#"]+)"/.exec(body)?.[1] : undefined
  return open ? { id: open, continued: true } : null
}

export async function runSpike(options: SpikeOptions): Promise<SpikeRun> {
  const { baseUrl, courseSlug, tokens, concurrency } = options
  const latencies: Record<RequestKind, number[]> = { start: [], page: [], save: [] }
  const sent: Record<RequestKind, number> = { start: 0, page: 0, save: 0 }
  const errors: Record<RequestKind, number> = { start: 0, page: 0, save: 0 }
  const errorKinds = new Map<string, number>()
  const retried = new Map<string, number>()
  let started = 0
  let continued = 0
  let finished = 0

  function count(kind: RequestKind, problem: string) {
    errors[kind] += 1
    errorKinds.set(problem, (errorKinds.get(problem) ?? 0) + 1)
  }
  function fail(kind: RequestKind, problem: string): never {
    count(kind, problem)
    throw new FlowError(problem)
  }

  /**
   * One request, timed until its body is read; `check` returns what was wrong with the answer, if anything.
   * A GET whose kept-alive connection the server reset is sent once more, as browsers do; so is any request
   * whose connection was closed before an answer began (browsers resend those on a reused connection, POSTs
   * too: a proxy reloading its configuration closes idle connections to clients). The time of both tries
   * counts, and the retry is reported.
   */
  async function timed(
    kind: RequestKind,
    path: string,
    init: RequestInit,
    check: (response: Response, body: string) => string | null,
  ) {
    sent[kind] += 1
    const began = performance.now()
    let problem: string
    for (let attempt = 1; ; attempt += 1) {
      let answered = false
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          ...init,
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        })
        answered = true
        const body = await response.text()
        latencies[kind].push(performance.now() - began)
        const wrong = check(response, body)
        if (wrong === null) {
          // React gave up on part of the page when its time limit ran out and left it to the browser: the
          // form still posts, but the page never comes alive (no autosave, no timer). An error, not a failure.
          if (body.includes('$RX("') || body.includes('<!--$!-->'))
            count(kind, `${kind}: HTTP ${response.status}, but the server aborted part of the render (page cut off)`)
          return { response, body }
        }
        problem = `${kind}: ${wrong}`
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
        const code = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : String(cause)
        if (attempt === 1 && (init.method === undefined || !answered) && RESET_CODES.includes(code)) {
          retried.set(`${kind}: ${code}`, (retried.get(`${kind}: ${code}`) ?? 0) + 1)
          continue
        }
        problem = `${kind}: ${code}${attempt > 1 ? ' (on the retry)' : ''}`
      }
      fail(kind, problem)
    }
  }

  async function learner(index: number) {
    const cookie = `lms_session=${tokens[index]}`
    const post = (fields: URLSearchParams, accept = '*/*'): RequestInit => ({
      method: 'POST',
      headers: { Origin: baseUrl, Cookie: cookie, 'User-Agent': USER_AGENT, Accept: accept },
      body: fields,
    })
    const examPath = `/en/courses/${courseSlug}/exam`
    const clicks = options.doubleClickEvery > 0 && index % options.doubleClickEvery === 0 ? 2 : 1
    const starts = await Promise.all(
      Array.from({ length: clicks }, async () => {
        const { response, body } = await timed(
          'start',
          examPath,
          post(new URLSearchParams({ intent: 'start' })),
          (response, body) => (startedAttempt(response, body) ? null : describeAnswer(response, body)),
        )
        return startedAttempt(response, body)!
      }),
    )
    const ids = new Set(starts.map((start) => start.id))
    // The double click's other start must have opened that same attempt; a lone start must open one.
    if (ids.size !== 1 || starts.every((start) => start.continued)) {
      fail('start', ids.size === 1 ? 'start: HTTP 409 without an attempt started' : 'start: two attempts opened')
    }
    continued += starts.filter((start) => start.continued).length
    const attemptPath = `/en/attempts/${[...ids][0]}`
    started += 1

    const { body: html } = await timed(
      'page',
      attemptPath,
      { headers: { Cookie: cookie, 'User-Agent': USER_AGENT } },
      (response, body) => {
        if (response.status !== 200) return describeAnswer(response, body)
        const form = parseAttemptForm(body)
        if (!form) return 'HTTP 200 without an attempt form (seq)'
        return form.fields.length === 0 ? 'HTTP 200, the attempt form has no question fields' : null
      },
    )
    const page = parseAttemptForm(html)!
    const loadedAt = Date.now()

    // As the page's script does: the form posted in the background to the attempt's answers endpoint
    // (JSON back), with the page's seq plus the time spent on the page, strictly growing.
    let seq = page.seq
    for (let variant = 0; variant < options.saves; variant += 1) {
      seq = Math.max(seq + 1, page.seq + (Date.now() - loadedAt))
      const body = filledIn(page, { intent: 'save', seq, variant })
      await timed('save', `${attemptPath}/answers`, post(body, 'application/json'), (response, answer) =>
        response.status === 200 && answer.includes('savedAt') ? null : describeAnswer(response, answer),
      )
    }
    finished += 1
  }

  let next = 0
  const worker = async () => {
    for (let index = next++; index < tokens.length; index = next++) {
      await learner(index).catch((error: unknown) => {
        if (!(error instanceof FlowError)) throw error
      })
    }
  }
  const began = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, tokens.length) }, worker))
  const wallMs = performance.now() - began
  for (const kind of REQUEST_KINDS) latencies[kind].sort((a, b) => a - b)
  return { wallMs, latencies, sent, errors, errorKinds, retried, started, continued, finished }
}
