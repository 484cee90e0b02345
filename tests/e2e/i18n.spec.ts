import { expect, test } from './fixtures'
import { LEARNER_EMAIL } from './helpers'

test('the language switch keeps the current page', async ({ page, signIn }) => {
  await signIn(LEARNER_EMAIL)
  await page.goto('/en/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account')

  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click()
  await expect(page).toHaveURL('/ru/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой профиль')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')

  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'English' }).click()
  await expect(page).toHaveURL('/en/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test.describe('the site root', () => {
  // The browser's locale is what it sends as Accept-Language.
  test('follows Accept-Language on a first visit', async ({ browser }) => {
    for (const [locale, lang] of [
      ['ru-RU', 'ru'],
      ['en-GB', 'en'],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      await page.goto('/')
      await expect(page).toHaveURL(`/${lang}`)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await context.close()
    }
  })

  test('remembers the language last used, whatever Accept-Language says', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto('/')
    await expect(page).toHaveURL('/en')

    await page.goto('/ru')
    await page.goto('/')
    await expect(page).toHaveURL('/ru')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Таможенное электронное обучение')
    await context.close()
  })
})
