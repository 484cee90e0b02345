// The production server while its PostgreSQL is away: every request the database is needed for is a
// 503 "temporarily unavailable" in the reader's language, with Retry-After and no stack trace, /healthz
// says the database is unreachable, and the server serves again as soon as the database is back.
// The server: PostgreSQL run only (TEST_DATABASE_URL), as the embedded PGlite lives inside the server's own
// process; a relay between the server and PostgreSQL is cut, so the shared server itself is never stopped.
// The answers endpoint, whose database call fails after the session was found: both runs.
import { execFileSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import en from '~/locales/en/common.json'
import ru from '~/locales/ru/common.json'
import { action as answersAction } from '~/routes/$lang.attempts.$attempt.answers'
import { loader as pdfLoader } from '~/routes/$lang.certificates.$certificate.pdf'
import { loader as mediaLoader } from '~/routes/media.courses.$course.$name'
import { DEMO_PASSWORD } from '~/setup/demo-data'
import { clearSingletons } from '~/utils/singleton.server'
import { spawnServer } from '../../scripts/bench/server'
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database'
import { startTcpCut, type TcpCut } from '../support/tcp-cut'

const serverUrl = process.env.TEST_DATABASE_URL
const PORT = 3330 + Math.floor(Math.random() * 20)
const BASE_URL = `http://localhost:${PORT}`
const STACK_FRAME = /\bat .*:\d+:\d+\)?$/m

describe.runIf(serverUrl)('the server while PostgreSQL is away', { timeout: 120_000 }, () => {
  let database: ScratchDatabase
  let relay: TcpCut
  let server: ReturnType<typeof spawnServer>

  beforeAll(async () => {
    execFileSync('node', ['scripts/build-if-needed.js'], { stdio: 'inherit' })
    database = await createScratchDatabase({ serverUrl, prefix: 'lms_test' })
    const url = new URL(database.env.DATABASE_URL!)
    relay = await startTcpCut({ host: url.hostname, port: Number(url.port || 5432) })
    url.host = `127.0.0.1:${relay.port}`
    server = spawnServer({
      DATABASE_URL: url.toString(),
      NODE_ENV: 'production',
      HOST: 'localhost',
      PORT: String(PORT),
      BASE_URL,
      WEB_CONCURRENCY: '1',
    })
    await server.ready(BASE_URL) // the first start migrates, imports the courses and seeds the demo
  }, 180_000)

  afterAll(async () => {
    await server?.stop()
    await relay?.close()
    await database?.drop()
  })

  const get = (path: string, cookie = '') =>
    fetch(`${BASE_URL}${path}`, { headers: { Cookie: cookie, Accept: 'text/html' }, redirect: 'manual' })
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${BASE_URL}${path}`, {
      method: 'POST',
      headers: { Origin: BASE_URL, Accept: 'text/html' },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    })

  async function signIn(email: string) {
    const response = await post('/ru/login', { email, password: DEMO_PASSWORD })
    expect(response.status).toBe(302)
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ')
  }

  async function expectUnavailable(response: Response, text: string) {
    const body = await response.text()
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(body).toContain(text)
    expect(body).not.toMatch(STACK_FRAME)
    return body
  }

  it('answers 503 in the reader’s language while it is away, and serves again once it is back', async () => {
    const cookie = await signIn('learner.ru@demo.test')
    expect((await get('/ru/me', cookie)).status).toBe(200)

    await relay.cut()
    expect((await get('/healthz')).status).toBe(503)
    // Signed in: the session lookup fails before Remix, in the server's middleware.
    await expectUnavailable(await get('/ru/me', cookie), ru.errors.unavailableTitle)
    await expectUnavailable(await get('/ru/me.data', cookie), ru.errors.unavailableText)
    // The attempt page's script posts answers and asks for JSON: it gets the message as JSON.
    const answers = await fetch(`${BASE_URL}/ru/attempts/any/answers`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: BASE_URL, Accept: 'application/json' },
      body: new URLSearchParams({ intent: 'save', seq: '1' }),
    })
    expect(JSON.parse(await expectUnavailable(answers, ru.errors.unavailableText))).toEqual({
      message: `${ru.errors.unavailableTitle}. ${ru.errors.unavailableText}`,
    })
    // Anonymous: the login action fails inside Remix; the app's error page says it, in the app's layout.
    const page = await expectUnavailable(
      await post('/en/login', { email: 'learner@demo.test', password: DEMO_PASSWORD }),
      en.errors.unavailableText,
    )
    expect(page).toContain(en.errors.unavailableTitle)
    expect(page).not.toContain(en.errors.serverErrorTitle)
    expect((await post('/en/login.data', { email: 'learner@demo.test', password: DEMO_PASSWORD })).status).toBe(503)

    await relay.restore()
    for (let tries = 0; tries < 40 && (await get('/healthz')).status !== 200; tries++) await sleep(250)
    expect((await get('/healthz')).status).toBe(200)
    expect((await get('/ru/me', cookie)).status).toBe(200)
  })
})

describe('responses made inside Remix when the database goes away after the session was found', () => {
  const saved = { ...process.env }
  const learner = {
    id: 'learner',
    email: 'learner@example.org',
    displayName: 'Learner',
    role: 'LEARNER' as const,
    administrationId: null,
    preferredLocale: 'ru',
  }
  const anonymousContext = {
    requestId: 'test',
    locale: 'ru' as const,
    clientIp: '127.0.0.1',
    secureCookies: false,
    cspNonce: 'test',
    auth: null,
    log: {},
  }
  afterAll(() => {
    process.env = saved
    clearSingletons()
  })

  it('answers 503 with the message in the learner’s language, which the page retries', async () => {
    clearSingletons()
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nothing-listens-here'
    const request = new Request('http://localhost/ru/attempts/any/answers', {
      method: 'POST',
      body: new URLSearchParams({ intent: 'save', seq: '1', shown: '0', q0: '1' }),
    })
    const context = { ...anonymousContext, auth: { sessionId: 'session', user: learner } }
    const response = await answersAction({ request, params: { lang: 'ru', attempt: 'any' }, context })
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ message: ru.errors.unavailableText })
  })

  it('answers a course figure and a certificate PDF — responses with no error page — 503 in plain text', async () => {
    clearSingletons()
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nothing-listens-here'
    const context = anonymousContext
    const figure = await mediaLoader({
      request: new Request('http://localhost/media/courses/aeo/figure.svg'),
      params: { course: 'aeo', name: 'figure.svg' },
      context,
    })
    const pdf = await pdfLoader({
      request: new Request('http://localhost/ru/certificates/any/pdf'),
      params: { lang: 'ru', certificate: 'any' },
      context: { ...context, auth: { sessionId: 'session', user: learner } },
    })
    for (const response of [figure, pdf]) {
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(await response.text()).toBe(`${ru.errors.unavailableTitle}. ${ru.errors.unavailableText}`)
    }
  })
})
