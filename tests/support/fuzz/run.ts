// Drives the app with random requests (requests.ts) and fails on the first answer that is a 5xx or
// shows a stack trace. Used by the fixed-seed integration test and by `npm run fuzz`.
import http from 'node:http'
import fc from 'fast-check'
import type { AppServer } from '../app-server'
import { sendRaw, type RawAnswer } from '../raw-http'
import { DEMO_EMAILS, discoverDemoIds, type Identity } from './demo-ids'
import { fuzzRequest, type FuzzRequest } from './requests'
import { appRouteIds, routeAddresses } from './targets'

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function send(server: AppServer, request: FuzzRequest, cookie: string): Promise<RawAnswer> {
  const headers: Record<string, string> = {}
  if (cookie) headers.Cookie = cookie
  if (request.origin !== 'none') headers.Origin = request.origin === 'own' ? server.baseUrl : 'https://evil.example'
  if (request.contentType) headers['Content-Type'] = request.contentType
  if (request.acceptLanguage) headers['Accept-Language'] = request.acceptLanguage
  return sendRaw(server.port, { ...request, headers }, agent)
}

// A JavaScript stack frame ("    at render (/app/x.js:1:2)") or a path into the installed packages.
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|node_modules\//m

function describe(request: FuzzRequest, answer: RawAnswer | Error) {
  const body = Buffer.from(request.body).toString('utf8')
  return [
    `${request.method} ${request.path.slice(0, 300)} (route ${request.route}, as ${request.identity}, origin ${request.origin})`,
    `Content-Type: ${request.contentType ?? '(none)'}; ${request.body.byteLength} bytes${request.chunked ? ', chunked' : ''}: ${JSON.stringify(body.slice(0, 300))}`,
    answer instanceof Error
      ? `no answer: ${answer.message}`
      : `answered ${answer.status}: ${answer.body.slice(0, 500)}`,
  ].join('\n')
}

export interface FuzzOptions {
  seed: number
  numRuns: number
  /** Stop at the first failure instead of shrinking it to a smaller request. */
  endOnFailure?: boolean
}

/** Throws with the failing request (and the seed to replay it) if any answer is a 5xx or a stack trace. */
export async function fuzzApp(server: AppServer, { seed, numRuns, endOnFailure = false }: FuzzOptions) {
  const cookies: Record<Identity, string> = { anonymous: '', learner: '', manager: '', instructor: '', admin: '' }
  const signIn = async (identity: Exclude<Identity, 'anonymous'>) => {
    cookies[identity] = await server.cookieFor(DEMO_EMAILS[identity])
  }
  await Promise.all([signIn('learner'), signIn('manager'), signIn('instructor'), signIn('admin')])
  const ids = await discoverDemoIds(server, cookies)
  const addresses = routeAddresses(ids)
  const unfuzzed = appRouteIds().filter((id) => !(id in addresses))
  if (unfuzzed.length > 0)
    throw new Error(`routes with no address to fuzz (tests/support/fuzz/targets.ts): ${unfuzzed.join(', ')}`)

  const property = fc.asyncProperty(fuzzRequest(addresses, ids), async (request) => {
    const answer = await send(server, request, cookies[request.identity]).catch((error: Error) => error)
    if (answer instanceof Error || answer.status >= 500 || STACK_TRACE.test(answer.body))
      throw new Error(describe(request, answer))
    // A logout (or a password change) ended the session: sign in again, so later requests are not all anonymous.
    if (
      request.identity !== 'anonymous' &&
      [answer.headers['set-cookie'] ?? []].flat().some((c) => /^lms_session=;|Max-Age=0/i.test(c))
    )
      await signIn(request.identity)
  })
  const details = await fc.check(property, { seed, numRuns, endOnFailure })
  agent.destroy()
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
    throw new Error(
      `fuzzing failed after ${details.numRuns} requests (seed ${details.seed}, path ${details.counterexamplePath}):\n${error}`,
    )
  }
  return { runs: details.numRuns, routes: Object.keys(addresses).length }
}
