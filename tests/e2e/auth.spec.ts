import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  BASE_URL,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  LEARNER_EMAIL,
  TEXT,
  createUser,
  login,
  logout,
  sessionToken,
  signedInHeading,
  type Lang,
} from './helpers'

/** Status of a protected page for a client that only has this session token. */
async function accountPageStatus(api: APIRequestContext, token: string) {
  const response = await api.get('/en/account', { headers: { Cookie: `lms_session=${token}` }, maxRedirects: 0 })
  return { status: response.status(), location: response.headers().location }
}

test.describe('login and logout', () => {
  for (const account of DEMO_ACCOUNTS) {
    for (const lang of ['en', 'ru'] as const) {
      test(`${account.email} through /${lang}/login`, async ({ page, context, playwright }) => {
        await login(page, account.email, lang)

        const landing = account.preferredLocale
        await expect(page).toHaveURL(`/${landing}${account.landsOn ?? ''}`)
        await expect(page.locator('html')).toHaveAttribute('lang', landing)
        if (account.landsOn) await page.goto(`/${landing}`)
        await expect(
          page.getByRole('heading', {
            name: signedInHeading({ lang: landing, name: account.name, role: account.role[landing] }),
          }),
        ).toBeVisible()

        const token = await sessionToken(context)
        const replay = await playwright.request.newContext({ baseURL: BASE_URL })
        expect(await accountPageStatus(replay, token)).toEqual({ status: 200, location: undefined })

        await logout(page, landing)
        await expect(page).toHaveURL(`/${landing}`)
        await expect(page.getByRole('heading', { name: TEXT[landing].signedInAs })).toHaveCount(0)

        // The old cookie, replayed by someone else, must be worthless: the session ended on the server.
        expect(await accountPageStatus(replay, token)).toEqual({
          status: 302,
          location: '/en/login?redirectTo=%2Fen%2Faccount',
        })
        await replay.dispose()
      })
    }
  }
})

test('the session cookie is HttpOnly, SameSite=Lax and valid for the whole site', async ({ page, context }) => {
  await login(page, LEARNER_EMAIL)
  const cookie = (await context.cookies()).find(({ name }) => name === 'lms_session')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', domain: 'localhost' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('lms_session')
})

test('changing the password ends every other session and keeps this one', async ({ browser }) => {
  const user = await createUser('password-change')
  const newPassword = 'a-brand-new-password-2026'
  const [here, elsewhere, later] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()])
  const pageHere = await here.newPage()
  const pageElsewhere = await elsewhere.newPage()
  await login(pageHere, user.email, 'en', user.password)
  await login(pageElsewhere, user.email, 'en', user.password)

  await pageHere.goto('/en/account')
  await pageHere.getByLabel('Current password').fill(user.password)
  await pageHere.getByLabel('New password', { exact: true }).fill(newPassword)
  await pageHere.getByLabel('Repeat the new password').fill(newPassword)
  await pageHere.getByRole('button', { name: 'Change password' }).click()
  await expect(pageHere.getByRole('status')).toHaveText(
    'Your password has been changed. You have been logged out on all other devices.',
  )

  await pageElsewhere.goto('/en/account')
  await expect(pageElsewhere).toHaveURL('/en/login?redirectTo=%2Fen%2Faccount')
  await expect(pageElsewhere.getByRole('heading', { level: 1 })).toHaveText('Log in')
  await expect(pageElsewhere.getByRole('button', { name: 'Log out' })).toHaveCount(0)

  await pageHere.goto('/en')
  await expect(
    pageHere.getByRole('heading', {
      name: signedInHeading({ lang: 'en', name: user.displayName, role: 'Instructor' }),
    }),
  ).toBeVisible()

  // The new password is the one that works from now on.
  await login(await later.newPage(), user.email, 'en', newPassword)
  await Promise.all([here.close(), elsewhere.close(), later.close()])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  for (const lang of ['en', 'ru'] satisfies Lang[]) {
    test(`logging in and out works in ${lang}`, async ({ page }) => {
      await login(page, LEARNER_EMAIL, lang, DEMO_PASSWORD, { javaScript: false })
      await expect(page).toHaveURL('/en')
      await expect(
        page.getByRole('heading', { name: signedInHeading({ lang: 'en', name: 'Aram Petrosyan', role: 'Learner' }) }),
      ).toBeVisible()
      await logout(page, 'en')
      await expect(page.getByRole('heading', { name: TEXT.en.signedInAs })).toHaveCount(0)
    })
  }
})

test('My account saves the preferred language and answers in it', async ({ page, signIn }) => {
  const user = await createUser('language-choice')
  await signIn(user.email)
  await page.goto('/en/account')
  await page.getByRole('combobox', { name: 'Preferred language' }).selectOption('ru')
  await page.getByRole('button', { name: 'Save language' }).click()
  await expect(page).toHaveURL(/\/ru\/account\?changed=language$/)
  await expect(page.getByRole('status')).toHaveText('Язык интерфейса сохранён.')
  await expect(page.getByRole('combobox', { name: 'Язык интерфейса' })).toHaveValue('ru')
})
