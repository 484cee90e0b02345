/*
 * Signing in without the login form. Only the specs about the form itself (auth.spec.ts, and the
 * login redirects and throttling in security/access/learning) go through it; every other test gets a
 * session made directly, as the login action makes one: a random token, only its SHA-256 stored
 * (createSession), the cookie exactly as session-cookie.ts writes it, put into the browser context.
 *
 * Who writes the session row: the e2e server's database is PGlite (a directory only one process may
 * open, and the app server has it) or PostgreSQL. The test workers therefore cannot open it
 * themselves, so the server process does: scripts/e2e-server.ts starts the app with
 * tests/support/session-broker.ts loaded, which answers on a Unix socket (this OS user only) with a
 * new session for an e-mail, through the app's own createSession and sessionCookie. Nothing of it is
 * in the app or its build — no route, nothing `npm start` loads — and nothing is printed. PostgreSQL
 * goes the same way, so the suite signs in alike on both engines. Sessions made up front instead
 * would not do: tests log out (ending that session) and sign in accounts they create during the run.
 */
import {
  test as base,
  expect,
  request,
  type APIRequestContext,
  type BrowserContext,
  type Cookie,
  type Page,
} from '@playwright/test'
import { parseSetCookie } from 'cookie'
import { E2E_BASE_URL, E2E_SESSION_SOCKET } from '../support/e2e-address'
import { requestSession } from '../support/session-client'

/** A new session of `email` as the browser would store it from the login's Set-Cookie. */
async function sessionCookie(email: string): Promise<Cookie> {
  const cookie = parseSetCookie(await requestSession(E2E_SESSION_SOCKET, email))
  return {
    name: cookie.name,
    value: cookie.value ?? '',
    domain: new URL(E2E_BASE_URL).hostname,
    path: cookie.path ?? '/',
    expires: cookie.expires ? cookie.expires.getTime() / 1000 : -1,
    httpOnly: cookie.httpOnly ?? false,
    secure: cookie.secure ?? false,
    sameSite:
      cookie.sameSite === 'strict' || cookie.sameSite === true ? 'Strict' : cookie.sameSite === 'none' ? 'None' : 'Lax',
  }
}

/** Signs `email` in on a browser context: its pages and their `page.request` share the session. */
export async function signInContext(context: BrowserContext, email: string) {
  await context.addCookies([await sessionCookie(email)])
}

/** An API client signed in as `email`; dispose of it when done. */
export async function signedInApi(email: string): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: { cookies: [await sessionCookie(email)], origins: [] },
  })
}

/** Where the pages of a context report their Content-Security-Policy violations. */
const CSP_BINDING = '__reportCspViolation'

/**
 * Collects every Content-Security-Policy violation of the context's pages into `violations`: the
 * `securitypolicyviolation` events (with JavaScript on) and the browser's console line for each
 * (also with JavaScript off, where a blocked inline style would go unnoticed otherwise).
 */
async function watchContentSecurity(context: BrowserContext, violations: string[]) {
  await context.exposeBinding(CSP_BINDING, ({ page }, report: string) => violations.push(`${page.url()}: ${report}`))
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report: unknown = Reflect.get(window, binding)
      const source = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''
      if (typeof report === 'function')
        report(`${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'}${source}`)
    })
  }, CSP_BINDING)
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      violations.push(`${message.page()?.url() ?? 'a page'}: ${message.text()}`)
  })
}

/**
 * Collects every uncaught exception in the pages of a context: one thrown while a page loads stops
 * React from hydrating it, and the page then only works as far as it does without JavaScript.
 */
function watchPageErrors(context: BrowserContext, errors: string[]) {
  context.on('weberror', (webError) => {
    const error = webError.error()
    // A submission made while the previous one's data is still loading aborts that load, and Remix lets
    // the aborted promise go unhandled; the page carries on with the newer one, as it should.
    if (error.name === 'AbortError') return
    errors.push(`${webError.page()?.url() ?? 'a page'}: ${error.stack ?? error.message}`)
  })
}

/**
 * Makes `page.goto` and `page.reload` return only once React has hydrated the page they load, when the
 * page runs JavaScript. A test that types or clicks during hydration can abort it ("Root did not
 * complete") — a race real people lose only rarely, and tests lost now and then. The document element
 * is the last one hydration reaches; React commits in the same task, so a later check sees the result.
 */
function hydrateBeforeUse(context: BrowserContext) {
  context.on('page', (page) => {
    for (const method of ['goto', 'reload'] as const) {
      const navigate = page[method].bind(page) as (...args: unknown[]) => ReturnType<Page['reload']>
      page[method] = (async (...args: unknown[]) => {
        const response = await navigate(...args)
        // `waitUntil: 'commit'` asks for the page as soon as it starts: a test that blocks its scripts, say.
        const options = args.find((arg): arg is { waitUntil?: string } => typeof arg === 'object' && arg !== null)
        const html = response?.headers()['content-type']?.startsWith('text/html')
        if (html && options?.waitUntil !== 'commit') await waitForReactRoot(page)
        return response
      }) as never
    }
  })
}

/** Waits for React to hydrate a Remix page; any other page (a plain error, the offline copy) at once. */
async function waitForReactRoot(page: Page) {
  await page.waitForFunction(
    () =>
      !('__remixContext' in window) ||
      Object.keys(document.documentElement).some((key) => key.startsWith('__reactFiber')),
  )
}

interface TestFixtures {
  /** `signIn(email)`: the test's own browser context signed in as `email`. */
  signIn: (email: string) => Promise<void>
  /**
   * This test's CSP violations, in every page of every context it opens. The test fails when any is
   * left at its end, so every journey checks the policy; a test that provokes one on purpose empties it.
   */
  cspViolations: string[]
  /** This test's uncaught page exceptions, in every context it opens; the test fails when there is one. */
  pageErrors: string[]
}

export const test = base.extend<TestFixtures, { pageWatch: { violations: string[]; errors: string[] } }>({
  pageWatch: [async ({}, provide) => provide({ violations: [], errors: [] }), { scope: 'worker' }],
  // Every context the worker's browser makes — the test's own and those a spec opens with
  // browser.newContext() — reports to the test that is running (a worker runs one test at a time).
  browser: [
    async ({ browser, pageWatch }, provide) => {
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (options) => {
        const context = await newContext(options)
        await watchContentSecurity(context, pageWatch.violations)
        watchPageErrors(context, pageWatch.errors)
        if (options?.javaScriptEnabled !== false) hydrateBeforeUse(context)
        return context
      }
      await provide(browser)
    },
    { scope: 'worker' },
  ],
  cspViolations: [
    async ({ pageWatch }, provide) => {
      pageWatch.violations.length = 0
      await provide(pageWatch.violations)
      expect(pageWatch.violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ pageWatch }, provide) => {
      pageWatch.errors.length = 0
      await provide(pageWatch.errors)
      expect(pageWatch.errors, 'uncaught exceptions in the pages').toEqual([])
    },
    { auto: true },
  ],
  // `provide` is Playwright's `use`, renamed so the React hooks lint does not take it for a hook.
  signIn: async ({ context }, provide) => {
    await provide((email) => signInContext(context, email))
  },
})

export { expect }
