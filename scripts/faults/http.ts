// One learner's requests during the fault test, each recorded with its time and outcome, so the report
// can say what failed while the database was away and what a learner was shown then.
import common from '~/locales/en/common.json'
import { describeAnswer, USER_AGENT } from '../bench/spike'

export { describeAnswer }

const UNAVAILABLE_TITLE = common.errors.unavailableTitle

export interface Outcome {
  /** Milliseconds since the run began, when the request was sent and when its answer was read. */
  sentAt: number
  doneAt: number
  kind: string
  ok: boolean
  status: number
  /** For a failure: the status and what the page said, or the network error's code. */
  problem?: string
  /** A failure a learner should never see: no answer, a 5xx other than 503, or a stack trace. */
  unclean?: boolean
}

/** File positions of a stack frame (`at fn (/app/x.js:10:5)`): what an error page must never show. */
const STACK_FRAME = /\bat .*:\d+:\d+\)?$/m

/**
 * A failure a learner should not see: a 5xx other than 503, a stack trace, or a 503 page that does not
 * say what is going on (the learners' pages are English). A background save's 503 is read by the page's
 * script, which says it in its own words.
 */
function isUnclean({ response, body }: Answer) {
  if (STACK_FRAME.test(body)) return true
  if (response.status < 500) return false
  if (response.status !== 503) return true
  return (response.headers.get('content-type') ?? '').includes('text/html') && !body.includes(UNAVAILABLE_TITLE)
}

/** A request that answers nothing in this time hangs: counted as a failure, not waited for. */
const REQUEST_TIMEOUT_MS = 20_000
/** A kept-alive connection the server closed just as a request went out on it: browsers send again. */
const RESET_CODES = ['ECONNRESET', 'UND_ERR_SOCKET']

export interface Answer {
  response: Response
  body: string
}

export class Client {
  readonly outcomes: Outcome[] = []
  constructor(
    readonly baseUrl: string,
    readonly began: number,
  ) {}

  now = () => performance.now() - this.began

  /**
   * Sends a request as a learner's browser would; `check` returns what is wrong with the answer, or null.
   * Resolves with the answer when it is right, and with null (recorded) when it is not.
   */
  async send(
    kind: string,
    path: string,
    init: RequestInit & { cookie?: string; accept?: string },
    check: (answer: Answer) => string | null,
  ): Promise<Answer | null> {
    const { cookie, accept, ...rest } = init
    const headers = {
      'User-Agent': USER_AGENT,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(accept ? { Accept: accept } : {}),
      ...(rest.method ? { Origin: this.baseUrl } : {}),
    }
    const sentAt = this.now()
    let problem: string
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          ...rest,
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        })
        const answer = { response, body: await response.text() }
        const wrong = check(answer)
        this.outcomes.push({
          sentAt,
          doneAt: this.now(),
          kind,
          ok: wrong === null,
          status: response.status,
          ...(wrong === null ? {} : { problem: wrong, unclean: isUnclean(answer) }),
        })
        return wrong === null ? answer : null
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
        problem = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.name) : String(cause)
        if (attempt === 1 && !rest.method && RESET_CODES.includes(problem)) continue
      }
      this.outcomes.push({ sentAt, doneAt: this.now(), kind, ok: false, status: 0, problem, unclean: true })
      return null
    }
  }
}
