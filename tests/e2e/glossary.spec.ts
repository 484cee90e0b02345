/*
 * The second edition's reading aids (issue 17): a module ends with the texts it teaches, links the first
 * use of a term to the course's EN–RU glossary, offers its job aids to print, and a course closes with a
 * case study.
 */
import { poppler, withPdfFile } from '../support/pdf-inspect'
import type { Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import { createLearner, enrol } from './helpers'

const COURSE = '/ru/courses/cargo-container-control'

/** A new Russian-speaking officer enrolled in the cargo course, signed in on `page`. */
async function enrolledOfficer(page: Page, purpose: string) {
  const officer = await createLearner(purpose, 'ru')
  await signInContext(page.context(), officer.email)
  await enrol(page.request, 'cargo-container-control')
}

test('a Russian-speaking officer follows a term from a module to the glossary and reads its references', async ({
  page,
}) => {
  await enrolledOfficer(page, 'glossary-term')
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
  await enrolledOfficer(page, 'case-study')
  await page.goto(COURSE)
  await page.getByRole('link', { name: /Разбор случая: контейнер с плиткой/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Разбор случая')
  await expect(page.locator('.prose h2').first()).toBeVisible()
})

test('a Russian-speaking officer downloads the seal-check sheet from the seals module: one A4 page in Russian', async ({
  page,
}) => {
  await enrolledOfficer(page, 'job-aid')
  await page.goto(`${COURSE}/modules/seals`)
  const aids = page.getByRole('region', { name: 'Памятки для печати' })
  const downloading = page.waitForEvent('download')
  await aids.getByRole('link', { name: 'Проверка пломбы и журнал учёта пломб' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('seal-check-and-log-ru.pdf')
  const pdf = Buffer.concat(await (await download.createReadStream()).toArray())
  const { text, info } = withPdfFile(pdf, (file) => ({
    text: poppler('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' '),
    info: poppler('pdfinfo', [file]),
  }))
  expect(info).toMatch(/^Pages:\s+1$/m)
  expect(info).toMatch(/\(A4\)$/m)
  for (const expected of [
    'Контроль грузов и контейнеров',
    'Проверка пломбы и журнал учёта пломб',
    'Журнал учёта пломб',
    'ISO 17712',
  ])
    expect(text).toContain(expected)

  // A module without a sheet offers none; an unknown sheet is a 404 in the reader's language.
  await page.goto(`${COURSE}/modules/risk-indicators`)
  await expect(page.getByRole('region', { name: 'Памятки для печати' })).toHaveCount(0)
  const missing = await page.request.get(`${COURSE}/job-aids/no-such-sheet`)
  expect(missing.status()).toBe(404)
  expect(await missing.text()).toBe('Такой памятки в опубликованных курсах нет.')
})
