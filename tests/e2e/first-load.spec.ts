// What a phone's first load of a page is made of (ADR 036). The stylesheet is written into the page
// under the response's nonce: React makes the document's elements anew when hydration fails, and the
// new <style> must still be allowed and applied. The scripts come after what the page shows.
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { createLearner, enrol, shippedCourse } from './helpers'
import { QUIZ_TEXT } from './quiz-helpers'

const BAND = 'rgb(11, 79, 108)' // --band, the header's background

test('the page keeps its styles when React renders the document itself instead of hydrating it', async ({
  page,
  cspViolations,
  pageErrors,
}) => {
  // Once the HTML is parsed and before the scripts run: mark the server's <style>, and change a text
  // React will find different from what it renders (hydration then gives up and renders the page).
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return
      Object.assign(document.getElementById('app-stylesheet') ?? {}, { fromServer: true })
      const heading = document.querySelector('h1')
      if (heading) heading.textContent = 'Not what React renders'
    })
  })
  await page.goto('/en/courses')
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Not what React renders')
  // React reports the mismatch (#418, #425) and that it renders the page instead (#423): expected here.
  // Minified: the tests run React's production build, whatever NODE_ENV the build was started under.
  await expect.poll(() => pageErrors.join(' | ')).toContain('Minified React error #423')
  pageErrors.length = 0

  const style = await page.evaluate(() => {
    const element = document.getElementById('app-stylesheet') as (HTMLStyleElement & { fromServer?: true }) | null
    return {
      madeAgain: Boolean(element && !element.fromServer),
      nonce: element?.nonce ?? '',
      rules: element?.sheet?.cssRules.length ?? 0,
    }
  })
  expect(style.madeAgain, 'React made a new <style>').toBe(true)
  expect(style.nonce).not.toBe('')
  expect(style.rules).toBeGreaterThan(100)
  await expect(page.locator('.site-header')).toHaveCSS('background-color', BAND)
  expect(cspViolations).toEqual([])
})

test('a page asks for its scripts only once it has painted, and then hydrates', async ({ page, request }) => {
  // As served: no module the browser would fetch or run while it reads the page.
  const html = await (await request.get('/en/courses')).text()
  expect(html).not.toMatch(/rel="modulepreload"|type="module"/)
  expect(waitingModules(html).length).toBeGreaterThan(3)

  await page.goto('/en/courses') // returns once React has hydrated the page (fixtures.ts)
  const timings = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry) => /\/assets\/[\w.-]+\.js$/.test(entry.name))
      .map((entry) => entry.startTime),
  }))
  expect(timings.scripts.length).toBeGreaterThan(3)
  expect(Math.min(...timings.scripts)).toBeGreaterThan(timings.firstPaint)
  // Hydrated: Remix took the links over, so following one keeps this document (and what it holds).
  await page.evaluate(() => Object.assign(window, { sameDocument: true }))
  await page.getByRole('link', { name: 'Home' }).first().click()
  await expect(page).toHaveURL(/\/en$/)
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
})

test('a Russian page fetches its translations in Russian only', async ({ page }) => {
  const scripts: Promise<string>[] = []
  page.on('response', (response) => {
    if (/\/assets\/[\w.-]+\.js$/.test(response.url())) scripts.push(response.text())
  })
  await page.goto('/ru/courses')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Курсы')
  const texts = await Promise.all(scripts)
  // The skip link's text, from common.json: once in Russian, and never in English.
  expect(texts.filter((text) => text.includes('Перейти к основному содержанию'))).toHaveLength(1)
  expect(texts.filter((text) => text.includes('Skip to main content'))).toHaveLength(0)
})

/** The modules a page lists in its head, waiting to be fetched once it has painted (app/components/page-scripts.tsx). */
function waitingModules(html: string): string[] {
  const links = html.matchAll(/<link rel="modulepreload-after-first-paint" href="([^"]+)"/g)
  return [...new Set([...links].map((match) => match[1] ?? ''))]
}

/** The scripts a page preloads that carry any of zod: its class names (`$ZodType`…) survive minification. */
async function scriptsWithZod(api: APIRequestContext, path: string) {
  const response = await api.get(path, { maxRedirects: 0 })
  expect(response.status(), path).toBe(200)
  const html = await response.text()
  const urls = waitingModules(html)
  const carried = await Promise.all(urls.map(async (url) => (await (await api.get(url)).text()).includes('$Zod')))
  return urls.filter((_, index) => carried[index])
}

test('pages without a form to check bring no validation library to the phone; a form page does', async ({
  page,
  signIn,
}) => {
  const learner = await createLearner('no-zod', 'en')
  await signIn(learner.email)
  await enrol(page.request, 'aeo')
  const aeo = shippedCourse('aeo')
  for (const path of ['/en', '/ru/courses', `/en/courses/aeo/modules/${aeo.module(1).slug}`])
    expect(await scriptsWithZod(page.request, path), path).toEqual([])
  await page.goto(`/en/courses/aeo/modules/${aeo.module(1).slug}/quiz`)
  await page.getByRole('button', { name: QUIZ_TEXT.en.start }).click()
  await expect(page).toHaveURL(/\/en\/attempts\/[^/]+$/)
  expect(await scriptsWithZod(page.request, new URL(page.url()).pathname)).toEqual([])

  await signIn('manager@demo.test')
  expect(await scriptsWithZod(page.request, '/en/manage/matrix')).toEqual([])
  // The account page's password form checks its fields in the browser with the schema its action uses.
  expect(await scriptsWithZod(page.request, '/en/account')).not.toEqual([])
})

test('pages write their dates and numbers without building an Intl formatter in the browser', async ({
  page,
  signIn,
}) => {
  // The first Intl date or number formatter of a page costs 40-65 ms of main thread (ADR 036): count them.
  await page.addInitScript(() => {
    const built: string[] = []
    Object.assign(window, { intlFormattersBuilt: built })
    for (const name of ['DateTimeFormat', 'NumberFormat'] as const) {
      const counted: ProxyHandler<typeof Intl.DateTimeFormat> = {
        construct(target, args: Parameters<typeof Intl.DateTimeFormat>) {
          built.push(name)
          return Reflect.construct(target, args)
        },
        apply(target, self, args: Parameters<typeof Intl.DateTimeFormat>) {
          built.push(name)
          return Reflect.apply(target, self, args)
        },
      }
      Object.assign(Intl, { [name]: new Proxy(Intl[name] as typeof Intl.DateTimeFormat, counted) })
    }
  })
  const built = () => page.evaluate(() => (window as unknown as { intlFormattersBuilt: string[] }).intlFormattersBuilt)

  await signIn('instructor@demo.test')
  await page.goto('/ru/studio/courses/cargo-container-control')
  await expect(page.getByText(/\d{1,2} [а-я]+ \d{4} г\./).first()).toBeVisible()
  expect(await built()).toEqual([])

  await signIn('manager@demo.test')
  await page.goto('/en/manage/matrix')
  await expect(page.getByText(/\d+(\.\d)? ?%/).first()).toBeVisible()
  expect(await built()).toEqual([])
})
