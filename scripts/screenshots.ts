// `npm run screenshots`: the main pages at phone, tablet and desktop widths, in English (and a few in
// Russian), as PNGs in docs/screenshots/ — for reviewing the look of a change (ADR 035). It starts the
// built app on a free port against a fresh embedded database with the demo data, signs in through the
// login form as the demo accounts, and throws the database away afterwards. SCREENSHOTS_BASE_URL points
// it at a server that is already running (with the demo data) instead.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { createScratchDatabase } from './lib/scratch-database'

const OUT = path.resolve('docs/screenshots')
const WIDTHS = [360, 390, 768, 1366]
const PASSWORD = 'demo-password-2026'
type Account = 'learner' | 'manager' | 'instructor' | null

interface Shot {
  name: string
  account: Account
  /** Path after `/:lang`, or a function that finds it on the site (a started attempt, a certificate). */
  path: string | ((page: Page, lang: string) => Promise<string | null>)
  /** Also in Russian. */
  ru?: boolean
}

const SHOTS: Shot[] = [
  { name: 'home', account: null, path: '/', ru: true },
  { name: 'catalogue', account: null, path: '/courses', ru: true },
  { name: 'course', account: 'learner', path: '/courses/aeo' },
  { name: 'module', account: 'learner', path: moduleWithFigure, ru: true },
  { name: 'quiz-attempt', account: 'learner', path: startAttempt, ru: true },
  { name: 'certificate-verify', account: null, path: certificateAddress, ru: true },
  { name: 'manage-dashboard', account: 'manager', path: '/manage' },
  { name: 'manage-officers', account: 'manager', path: '/manage/officers' },
  { name: 'matrix', account: 'manager', path: '/manage/matrix', ru: true },
  { name: 'studio-course', account: 'instructor', path: '/studio/courses/aeo' },
  { name: 'studio-module-editor', account: 'instructor', path: '/studio/courses/aeo/modules/safe-framework' },
]

/** The module with a figure and wide tables, read as an enrolled learner (enrolling first if need be). */
async function moduleWithFigure(page: Page, lang: string) {
  await page.goto(`/${lang}/courses/cargo-container-control`)
  const enrol = page.locator('button[name="intent"][value="enrol"]')
  if ((await enrol.count()) > 0) await Promise.all([page.waitForLoadState('networkidle'), enrol.click()])
  return '/courses/cargo-container-control/modules/container-identification'
}

/** A module quiz's attempt: the one open, or a new one started from the quiz page. */
async function startAttempt(page: Page, lang: string) {
  await page.goto(`/${lang}/courses/aeo`)
  const enrol = page.locator('button[name="intent"][value="enrol"]')
  if ((await enrol.count()) > 0) await Promise.all([page.waitForLoadState('networkidle'), enrol.click()])
  await page.goto(`/${lang}/courses/aeo/modules/safe-framework/quiz`)
  const start = page.locator('button[name="intent"][value="start"], a[href*="/attempts/"]').first()
  if ((await start.count()) === 0) return null
  await Promise.all([page.waitForURL(/\/attempts\//), start.click()])
  return new URL(page.url()).pathname.replace(/^\/(en|ru)/, '')
}

/** A demo certificate's public page, found on the demo officers' transcripts as the coordinator sees them. */
async function certificateAddress(_page: Page, lang: string) {
  return certificatePath ? certificatePath.replace(/^\/(en|ru)/, '') : (void lang, null)
}
let certificatePath: string | null = null

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function waitForHealth(baseUrl: string, child: ChildProcess) {
  const until = Date.now() + 240_000
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}`)
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error('the app server did not become healthy within 4 minutes')
}

async function startServer() {
  if (!existsSync('build/server/index.js')) throw new Error('No build: run `npm run build` first.')
  const database = await createScratchDatabase({ serverUrl: undefined, prefix: 'lms_screenshots' })
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env, ...database.env, NODE_ENV: 'production', PORT: String(port) }
  Object.assign(env, { BASE_URL: baseUrl, SEED_DEMO: 'true', LOG_LEVEL: 'warn', COURSES_DIR: './courses' })
  delete env.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env, stdio: 'inherit' })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    await database.drop()
  }
  try {
    await waitForHealth(baseUrl, child)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, stop }
}

async function signedInPage(browser: Browser, baseUrl: string, account: Account, width: number, lang: string) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width, height: width < 600 ? 844 : 900 },
    deviceScaleFactor: 1,
    locale: lang === 'ru' ? 'ru-RU' : 'en-GB',
  })
  const page = await context.newPage()
  if (account) {
    await page.goto(`/${lang}/login`)
    await page.locator('input[name="email"]').fill(`${account}@demo.test`)
    await page.locator('input[name="password"]').fill(PASSWORD)
    await Promise.all([
      page.waitForURL((url) => !url.pathname.endsWith('/login')),
      page.locator('form button[type="submit"]').last().click(),
    ])
  }
  return page
}

async function findCertificate(browser: Browser, baseUrl: string) {
  const page = await signedInPage(browser, baseUrl, 'manager', 1366, 'en')
  await page.goto('/en/manage/matrix')
  const officers = await page
    .locator('a[href*="/manage/officers/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  for (const officer of officers.slice(0, 15)) {
    await page.goto(officer)
    const verify = page.locator('a[href*="/verify/"]').first()
    if ((await verify.count()) > 0) {
      certificatePath = await verify.getAttribute('href')
      break
    }
  }
  await page.context().close()
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  const given = process.env.SCREENSHOTS_BASE_URL
  const server = given ? { baseUrl: given, stop: async () => {} } : await startServer()
  const browser = await chromium.launch({
    executablePath:
      existsSync('/usr/bin/chromium') && !existsSync(chromium.executablePath()) ? '/usr/bin/chromium' : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  let taken = 0
  try {
    await findCertificate(browser, server.baseUrl)
    for (const shot of SHOTS) {
      for (const lang of shot.ru ? ['en', 'ru'] : ['en']) {
        for (const width of WIDTHS) {
          const page = await signedInPage(browser, server.baseUrl, shot.account, width, lang)
          const address = typeof shot.path === 'string' ? shot.path : await shot.path(page, lang)
          if (address === null) {
            process.stderr.write(`skipped ${shot.name} (${lang}): nothing to show in the demo data\n`)
            await page.context().close()
            break
          }
          const response = await page.goto(`/${lang}${address === '/' ? '' : address}`)
          await page.waitForLoadState('networkidle')
          if (response && response.status() >= 400) {
            // A page another branch adds (/manage/officers) may not be there yet: say so, take no picture of a 404.
            process.stderr.write(`skipped ${shot.name} (${lang}): HTTP ${response.status()}\n`)
            await page.context().close()
            break
          }
          const file = path.join(OUT, `${shot.name}-${lang}-${width}.png`)
          await page.screenshot({ path: file, fullPage: width >= 600 ? false : true })
          taken += 1
          await page.context().close()
        }
      }
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  process.stdout.write(`${taken} screenshots in ${path.relative(process.cwd(), OUT)}/\n`)
}

await main()
