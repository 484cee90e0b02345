import { randomUUID } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import {
  ADMIN_EMAIL,
  BASE_URL,
  LEARNER_EMAIL,
  SAME_ORIGIN,
  TEXT,
  createUser,
  submitLogin,
  waitForHydration,
  type Lang,
  type TestUser,
} from './helpers'

test.describe('a failed login does not tell whether the account exists', () => {
  let user: TestUser
  test.beforeAll(async () => {
    user = await createUser('enumeration')
  })

  async function failLogin(page: Page, email: string) {
    await page.goto('/en/login')
    await page.getByLabel('Email', { exact: true }).fill(email)
    await page.getByLabel('Password', { exact: true }).fill('not-the-password-2026')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/en/login')),
      page.getByRole('button', { name: 'Log in' }).click(),
    ])
    const alert = page.getByRole('alert')
    await expect(alert).toBeVisible()
    return { status: response.status(), message: (await alert.innerText()).trim() }
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      const wrongPassword = await failLogin(page, user.email)
      const unknownEmail = await failLogin(page, `nobody-${randomUUID().slice(0, 8)}@e2e.test`)
      expect(wrongPassword).toEqual({ status: 400, message: TEXT.en.invalidLogin })
      expect(unknownEmail).toEqual(wrongPassword)
      await context.close()
    })
  }
})

test.describe('quick failed logins on one account', () => {
  /** Ten wrong passwords in a row for a fresh account, as fast as the server answers. */
  async function failTenTimes(request: APIRequestContext) {
    const user = await createUser('throttle')
    const attempts: { status: number; retryAfter: string | undefined; body: string }[] = []
    for (let i = 0; i < 10; i++) {
      const response = await request.post('/en/login', {
        form: { email: user.email, password: `wrong-password-${i}` },
        headers: SAME_ORIGIN,
        maxRedirects: 0,
      })
      attempts.push({
        status: response.status(),
        retryAfter: response.headers()['retry-after'],
        body: await response.text(),
      })
    }
    return attempts
  }

  test('are answered with 429 "Too many attempts" after a few free ones', async ({ request }) => {
    const attempts = await failTenTimes(request)
    expect(attempts.slice(0, 4).map(({ status }) => status)).toEqual([400, 400, 400, 400])
    expect(attempts.every(({ status }) => status === 400 || status === 429)).toBe(true)
    const throttled = attempts.filter(({ status }) => status === 429)
    expect(throttled.length).toBeGreaterThan(0)
    for (const { body } of throttled)
      expect(body).toMatch(/Too many attempts\. Please wait \d+ seconds? and try again\./)
  })

  test('tell the client how long to wait in Retry-After', async ({ request }) => {
    const throttled = (await failTenTimes(request)).filter(({ status }) => status === 429)
    expect(throttled.length).toBeGreaterThan(0)
    for (const { retryAfter } of throttled) expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
  })
})

test.describe('guesses at the current password on My account', () => {
  const FORM = {
    en: {
      current: 'Current password',
      new: 'New password',
      repeat: 'Repeat the new password',
      submit: 'Change password',
    },
    ru: { current: 'Текущий пароль', new: 'Новый пароль', repeat: 'Повторите новый пароль', submit: 'Сменить пароль' },
  }
  const TOO_MANY = {
    en: /^Too many attempts\. Please wait \d+ seconds? and try again\.$/,
    ru: /^Слишком много попыток\. Подождите \d+ секунд[уы]? и повторите попытку\.$/,
  }

  async function guess(page: Page, lang: Lang, password: string) {
    const form = FORM[lang]
    await page.getByLabel(form.current, { exact: true }).fill(password)
    await page.getByLabel(form.new, { exact: true }).fill('a-brand-new-password-2026')
    await page.getByLabel(form.repeat, { exact: true }).fill('a-brand-new-password-2026')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.includes('/account')),
      page.getByRole('button', { name: form.submit }).click(),
    ])
    return response
  }

  for (const [lang, javaScriptEnabled] of [
    ['ru', true],
    ['en', false],
  ] as const) {
    test(`are throttled like logins, with the wait in the reader's language (${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
    }) => {
      test.slow() // a dozen password checks, each a page load without JavaScript
      const user = await createUser(`account-guess-${lang}`)
      const context = await browser.newContext({ javaScriptEnabled })
      await signInContext(context, user.email)
      const page = await context.newPage()
      await page.goto(`/${lang}/account`)
      if (javaScriptEnabled) await waitForHydration(page.getByRole('button', { name: FORM[lang].submit }))
      const statuses: number[] = []
      let wait = 0
      // Wrong guesses until the lock is long enough that the next request surely lands inside it.
      for (let i = 0; i < 20 && wait < 4; i++) {
        const response = await guess(page, lang, `wrong-guess-${i}`)
        statuses.push(response.status())
        if (response.status() !== 429) continue
        const alert = page.getByRole('alert')
        await expect(alert).toHaveText(TOO_MANY[lang])
        wait = Number(/\d+/.exec(await alert.innerText())?.[0])
        if (!javaScriptEnabled) expect(response.headers()['retry-after']).toBe(String(wait))
        // Guessing on inside the lock changes nothing: wait it out, so the next wrong guess doubles it.
        if (wait < 4) await page.waitForTimeout(wait * 1000)
      }
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400])
      expect(wait).toBeGreaterThanOrEqual(4)
      // The right password gets no answer either while the lock runs.
      expect((await guess(page, lang, user.password)).status()).toBe(429)
      await expect(page.getByRole('alert')).toHaveText(TOO_MANY[lang])
      await context.close()
    })
  }
})

test.describe('cross-site requests', () => {
  const evil = { Origin: 'https://evil.example' }

  test('a POST whose Origin names another host than the one addressed gets 403, not a 500', async ({ request }) => {
    // Sent to 127.0.0.1 while claiming to come from localhost: Remix itself would abort this action with a 500.
    const response = await request.post(BASE_URL.replace('localhost', '127.0.0.1') + '/en/login', {
      form: { email: 'nobody@e2e.test', password: 'whatever' },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    })
    expect(response.status()).toBe(403)
    expect(await response.text()).toContain('did not come from this site')
  })

  const login = { email: 'nobody@e2e.test', password: 'whatever-2026' }

  test('a POST from this host under another scheme is refused', async ({ request }) => {
    const response = await request.post('/en/login', {
      form: login,
      headers: { Origin: BASE_URL.replace('http:', 'https:') },
      maxRedirects: 0,
    })
    expect(response.status()).toBe(403)
  })

  test('X-Forwarded-Host counts for nothing without TRUST_PROXY', async ({ request }) => {
    // A forwarded host that matches the Origin does not make up for another Host…
    const forged = await request.post(BASE_URL.replace('localhost', '127.0.0.1') + '/en/login', {
      form: login,
      headers: { Origin: BASE_URL, 'X-Forwarded-Host': new URL(BASE_URL).host },
      maxRedirects: 0,
    })
    expect(forged.status()).toBe(403)
    // …and one that does not match spoils nothing: the form is answered (a wrong password), not a 403 or 500.
    const ignored = await request.post('/en/login', {
      form: login,
      headers: { Origin: BASE_URL, 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
      maxRedirects: 0,
    })
    expect(ignored.status()).toBe(400)
  })

  test('a POST from another site or without Origin is refused and creates no user', async ({ page, signIn }) => {
    await signIn(ADMIN_EMAIL)
    await page.goto('/en/admin/users/new')
    const firstAdministration = page.getByLabel('Administration', { exact: true }).locator('option').nth(1)
    const form = {
      intent: 'create',
      email: `csrf-${randomUUID().slice(0, 8)}@e2e.test`,
      displayName: 'CSRF Victim',
      role: 'LEARNER',
      administrationId: (await firstAdministration.getAttribute('value')) ?? '',
      preferredLocale: 'en',
      password: 'a-password-for-csrf-2026',
    }
    expect(form.administrationId).not.toBe('')

    for (const headers of [evil, {}]) {
      // page.request carries the admin's session cookie, like a forged form in another tab would.
      const response = await page.request.post('/en/admin/users/new', { form, headers, maxRedirects: 0 })
      expect(response.status(), JSON.stringify(headers)).toBe(403)
      expect(await response.text()).toContain('Forbidden')
    }
    await page.goto(`/en/admin/users?q=${form.email}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users')
    await expect(page.getByRole('cell', { name: form.email })).toHaveCount(0)

    // The very same form from this site works, so the Origin alone made the difference.
    const response = await page.request.post('/en/admin/users/new', { form, headers: SAME_ORIGIN, maxRedirects: 0 })
    expect(response.status()).toBe(302)
    await page.reload()
    await expect(page.getByRole('cell', { name: form.email })).toBeVisible()
  })

  test('a POST from another site cannot log the user out', async ({ page, signIn }) => {
    await signIn(LEARNER_EMAIL)
    const response = await page.request.post('/en/logout', { headers: evil, maxRedirects: 0 })
    expect(response.status()).toBe(403)
    await page.goto('/en/account')
    await expect(page).toHaveURL('/en/account')
    await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
  })
})

test.describe('redirectTo never leaves the site', () => {
  test('a path on this site is followed', async ({ page }) => {
    await page.goto(`/en/login?redirectTo=${encodeURIComponent('/en/account?from=login')}`)
    await submitLogin(page, LEARNER_EMAIL, 'en')
    await expect(page).toHaveURL('/en/account?from=login')
  })

  for (const target of [
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    'javascript:alert(1)',
    // Safe as written, protocol-relative once the browser resolves the dot segments.
    '/en/..//evil.example',
    '/%2e%2e//evil.example',
  ]) {
    test(`${target} falls back to the home page`, async ({ page }) => {
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await page.route(
        (url) => url.hostname.endsWith('evil.example'),
        (route) => route.abort(),
      )
      const loginUrl = `/en/login?redirectTo=${encodeURIComponent(target)}`

      await page.goto(loginUrl)
      await submitLogin(page, LEARNER_EMAIL, 'en')
      await expect(page).toHaveURL(`${BASE_URL}/en`)

      // Opening the login page again while signed in redirects too: the same check must hold.
      await page.goto(loginUrl)
      await expect(page).toHaveURL(`${BASE_URL}/en`)
      expect(dialogs).toEqual([])
    })
  }
})
