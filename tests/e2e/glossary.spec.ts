/*
 * The second edition's reading aids (issue 17): a module ends with the texts it teaches, links the first
 * use of a term to the course's EN–RU glossary, and a course closes with a case study.
 */
import { expect, signInContext, test } from './fixtures'
import { LEARNER_RU_EMAIL } from './helpers'

const COURSE = '/ru/courses/cargo-container-control'

test('a Russian-speaking officer follows a term from a module to the glossary and reads its references', async ({
  page,
}) => {
  await signInContext(page.context(), LEARNER_RU_EMAIL)
  await page.goto(`${COURSE}/modules/container-identification`)
  const references = page.getByRole('region', { name: 'Нормативные документы и стандарты' })
  await expect(references.getByRole('listitem').filter({ hasText: 'ISO 6346' }).first()).toBeVisible()

  const term = page.locator('.prose a[href*="/glossary#term-container-number"]').first()
  const shown = (await term.textContent())?.trim() ?? ''
  expect(shown, 'the link shows the term as the sentence declines it').not.toBe('')
  await term.click()
  await expect(page).toHaveURL(`${COURSE}/glossary#term-container-number`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Глоссарий: Контроль грузов и контейнеров')
  const entry = page.locator('#term-container-number')
  await expect(entry.locator('dt')).toContainText(/номер контейнера/i)
  await expect(entry.locator('[lang="en"]')).toContainText(/container number/i)
  expect(await page.locator('.glossary__entry').count(), 'a course glossary of substance').toBeGreaterThanOrEqual(20)
})

test('the glossary is public in English, sorted, and an unknown course is a 404 in the reader’s language', async ({
  page,
}) => {
  await page.goto('/en/courses/aeo/glossary')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary: Authorized Economic Operators (AEO)')
  const terms = await page.locator('.glossary dt').allTextContents()
  expect(terms).toEqual([...terms].sort(new Intl.Collator('en').compare))
  const missing = await page.goto('/ru/courses/no-such-course/glossary')
  expect(missing?.status()).toBe(404)
  await expect(page.getByText('По этому адресу нет опубликованного курса.')).toBeVisible()
})

test('the cargo course ends with a case study from the manifest to the record', async ({ page }) => {
  await signInContext(page.context(), LEARNER_RU_EMAIL)
  await page.goto(COURSE)
  await page.getByRole('link', { name: /Разбор случая: контейнер с плиткой/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Разбор случая')
  await expect(page.locator('.prose h2').first()).toBeVisible()
})
