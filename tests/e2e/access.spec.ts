import { expect, test } from './fixtures'
import { ADMIN_EMAIL, LEARNER_EMAIL, SAME_ORIGIN, submitLogin } from './helpers'

test.describe('a learner on the admin pages', () => {
  for (const [lang, title] of [
    ['en', 'Access denied'],
    ['ru', 'Доступ запрещён'],
  ] as const) {
    test(`gets 403 "${title}" in ${lang}`, async ({ page, signIn }) => {
      await signIn(LEARNER_EMAIL)
      const response = await page.goto(`/${lang}/admin/users`)
      expect(response?.status()).toBe(403)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(page.getByRole('table')).toHaveCount(0)
    })
  }
})

test('an anonymous visitor is sent to the login page and brought back afterwards', async ({ page }) => {
  await page.goto('/en/admin/users')
  await expect(page).toHaveURL('/en/login?redirectTo=%2Fen%2Fadmin%2Fusers')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in')

  await submitLogin(page, ADMIN_EMAIL, 'en')
  await expect(page).toHaveURL('/en/admin/users')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users')
  await expect(page.getByRole('cell', { name: LEARNER_EMAIL, exact: true })).toBeVisible()
})

test.describe('an unknown address', () => {
  for (const [lang, title] of [
    ['en', 'Page not found'],
    ['ru', 'Страница не найдена'],
  ] as const) {
    test(`gives 404 "${title}" in ${lang}`, async ({ page }) => {
      const response = await page.goto(`/${lang}/no-such-page`)
      expect(response?.status()).toBe(404)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      // The tab says so too: a page without a title fails WCAG 2.4.2.
      await expect(page).toHaveTitle(`${title} · e-Training`)
    })
  }
})

test('an unknown language in the address is the 404 page, in the language the browser asks for', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'ru-RU' })
  const page = await context.newPage()
  for (const path of ['/de/courses', '/xx']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  }
  await context.close()
})

test('a form posted to a page that takes none gets a localized 4xx page, not an error', async ({ request }) => {
  const response = await request.post('/ru', { form: { anything: '1' }, headers: SAME_ORIGIN })
  expect(response.status()).toBe(405)
  const html = await response.text()
  expect(html).toContain('Не удалось обработать запрос')
  expect(html).not.toContain('Что-то пошло не так')
})
