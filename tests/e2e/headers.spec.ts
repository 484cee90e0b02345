import { expect, signInContext, test } from './fixtures'
import { LEARNER_EMAIL, TEXT, logout } from './helpers'

/** The policy README's Security section documents, with the response's nonce where it goes. */
const policy = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

test.describe('Content-Security-Policy', () => {
  test('every page has one, with a new nonce each time that all its scripts carry', async ({ request }) => {
    const nonces: string[] = []
    for (const path of ['/en/login', '/en/login', '/ru/courses', '/en/no-such-page']) {
      const response = await request.get(path)
      const header = response.headers()['content-security-policy'] ?? ''
      const nonce = /'nonce-([A-Za-z0-9+/]{22}==)'/.exec(header)?.[1] ?? ''
      expect(header, path).toBe(policy(nonce))
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length, `${path} has inline scripts`).toBeGreaterThan(0)
      for (const script of scripts) expect(script, path).toContain(` nonce="${nonce}"`)
      nonces.push(nonce)
    }
    expect(new Set(nonces).size).toBe(nonces.length)
  })

  test('a script injected into a page without the nonce does not run; the page works', async ({
    page,
    cspViolations,
  }) => {
    // What an injection that escaped the page's escaping would add, under the policy the server sent.
    await page.route('**/en/login', async (route) => {
      const response = await route.fetch()
      const html = await response.text()
      const headers = { ...response.headers() }
      delete headers['content-encoding']
      delete headers['content-length']
      const injected = '<script>document.documentElement.dataset.injected = "ran"</script>'
      await route.fulfill({ response, headers, body: html.replace('</head>', `${injected}</head>`) })
    })
    await page.goto('/en/login')
    await expect(page.locator('html')).not.toHaveAttribute('data-injected')
    // The page's own inline scripts ran: Remix hydrated and took over the link to the catalogue.
    await expect.poll(() => page.evaluate(() => Reflect.has(window, '__remixContext'))).toBe(true)
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0)
    expect(cspViolations.join('\n')).toContain('script-src')
    cspViolations.length = 0
  })

  test('a style attribute injected into a page is blocked, and noticed with JavaScript off too', async ({
    browser,
    cspViolations,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.route('**/en/login', async (route) => {
      const response = await route.fetch()
      const headers = { ...response.headers() }
      delete headers['content-encoding']
      delete headers['content-length']
      const body = (await response.text()).replace('<body>', '<body><p id="injected" style="display: none">x</p>')
      await route.fulfill({ response, headers, body })
    })
    await page.goto('/en/login')
    await expect(page.locator('#injected')).toBeVisible()
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0)
    expect(cspViolations.join('\n')).toContain('style')
    cspViolations.length = 0
    await context.close()
  })
})

test('no HSTS on the plain-http test site (BASE_URL is http)', async ({ request }) => {
  const response = await request.get('/en/login')
  expect(response.headers()['strict-transport-security']).toBeUndefined()
})

test.describe('caching', () => {
  test("a signed-in page and its data are stored nowhere; the site's hashed files are kept for a year", async ({
    page,
    signIn,
  }) => {
    await signIn(LEARNER_EMAIL)
    for (const path of ['/en/me', '/en/me.data', '/en/courses', '/en.data']) {
      const response = await page.request.get(path, { maxRedirects: 0 })
      expect(response.status(), path).toBe(200)
      expect(response.headers()['cache-control'], path).toBe('private, no-store')
    }
    const html = await (await page.request.get('/en/me')).text()
    // The stylesheet is inside the page (ADR 036), under the response's nonce; the scripts are hashed files.
    expect(html).toMatch(/<style id="app-stylesheet" nonce="[^"]+">[^<]*\.site-header/)
    const asset = /href="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? ''
    expect(asset).not.toBe('')
    const assetResponse = await page.request.get(asset)
    expect(assetResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  for (const javaScriptEnabled of [false, true]) {
    test(`after logout the back button shows no officer's page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled })
      await signInContext(context, LEARNER_EMAIL)
      const page = await context.newPage()
      const officerName = page.getByText('Aram Petrosyan')
      const logOutButton = page.getByRole('button', { name: TEXT.en.logOut })
      await page.goto('/en/me')
      await expect(logOutButton).toBeVisible()
      await page.goto('/en/account')
      await expect(officerName).toBeVisible()
      await logout(page, 'en')

      await page.goBack()
      await expect(page).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Faccount$/)
      await expect(page.getByRole('button', { name: TEXT.en.logIn })).toBeVisible()
      await expect(officerName).toHaveCount(0)
      await expect(logOutButton).toHaveCount(0)
      await context.close()
    })
  }
})
