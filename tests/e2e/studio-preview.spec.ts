// "Preview as learner" (issue 14, ADR 022): an instructor previews a module's draft in Russian as
// learners will read it once published, while learners still read the published text and cannot open
// the preview. The module editor is not there yet: the session broker saves the draft through the
// studio's own functions. On the studio drill course (tests/fixtures/e2e-courses/studio-drill), whose
// drafts no other spec reads.
import { E2E_SESSION_SOCKET } from '../support/e2e-address'
import { requestDraftSave } from '../support/session-client'
import { expect, signInContext, test } from './fixtures'
import { enrol, LEARNER_EMAIL, seriousAxeViolations } from './helpers'

const INSTRUCTOR_EMAIL = 'instructor@demo.test'
const COURSE = 'studio-drill'
const MODULE = { slug: 'inspection', title: { en: 'Inspection basics', ru: 'Основы досмотра' } }
const PUBLISHED = { en: 'Know the steps of a customs inspection.', ru: 'Знать этапы таможенного досмотра.' }
const previewUrl = (lang: string) => `/${lang}/studio/courses/${COURSE}/modules/${MODULE.slug}/preview`

test('an instructor previews a Russian draft; the learner still reads the published text and gets 404 on the preview', async ({
  page,
  browser,
  signIn,
}) => {
  const draft = `Черновик ${Math.random().toString(36).slice(2, 8)}: сверьте номер пломбы с транзитной декларацией.`
  await requestDraftSave(E2E_SESSION_SOCKET, {
    email: INSTRUCTOR_EMAIL,
    course: COURSE,
    module: MODULE.slug,
    locale: 'ru',
    markdown: `## Цели обучения\n\n${draft}\n`,
  })

  await signIn(INSTRUCTOR_EMAIL)
  await page.goto(`/ru/studio/courses/${COURSE}`)
  await page.getByRole('link', { name: `Предпросмотр «${MODULE.title.ru}»` }).click()
  await expect(page).toHaveURL(previewUrl('ru'))
  const banner = page.getByRole('status')
  await expect(banner).toContainText('Предпросмотр черновика')
  await expect(banner).toContainText(
    /Слушатели видят версию, опубликованную \d{1,2} \S+ \d{4} г\., пока этот черновик не будет опубликован\./,
  )
  await expect(banner.getByRole('link', { name: 'Вернуться к курсу в студии' })).toHaveAttribute(
    'href',
    `/ru/studio/courses/${COURSE}`,
  )
  await expect(banner.getByRole('link', { name: 'Редактировать модуль' })).toHaveAttribute(
    'href',
    `/ru/studio/courses/${COURSE}/modules/${MODULE.slug}`,
  )
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODULE.title.ru)
  await expect(page.getByRole('heading', { level: 2, name: 'Цели обучения' })).toBeVisible()
  await expect(page.getByText(draft)).toBeVisible()
  await expect(page.getByText(PUBLISHED.ru)).toHaveCount(0)
  // Where learners mark the module complete: words, nothing to press, no form that writes.
  await expect(page.getByText('Здесь слушатели видят кнопку «Отметить как пройденный».')).toBeVisible()
  await expect(page.locator('main form')).toHaveCount(0)

  // The language switch leads to the English preview: the English draft is still the published text.
  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'English' }).click()
  await expect(page).toHaveURL(previewUrl('en'))
  await expect(page.getByRole('status')).toContainText('Preview of the draft')
  await expect(page.getByText(PUBLISHED.en)).toBeVisible()

  // A page of a signed-in author's draft: kept by no cache, listed by no search engine.
  const response = await page.request.get(previewUrl('ru'))
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('private, no-store')
  expect(await response.text()).toContain('<meta name="robots" content="noindex"/>')

  const learner = await browser.newContext()
  try {
    await signInContext(learner, LEARNER_EMAIL)
    const reader = await learner.newPage()
    await enrol(reader.request, COURSE)
    await reader.goto(`/ru/courses/${COURSE}/modules/${MODULE.slug}`)
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(MODULE.title.ru)
    await expect(reader.getByText(PUBLISHED.ru)).toBeVisible()
    await expect(reader.getByText(draft)).toHaveCount(0)
    for (const lang of ['ru', 'en']) {
      const refused = await reader.goto(previewUrl(lang))
      expect(refused?.status(), lang).toBe(404)
    }
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expect(reader.getByText(draft)).toHaveCount(0)
  } finally {
    await learner.close()
  }
})

test.describe('the preview: no serious or critical accessibility problems', () => {
  for (const lang of ['en', 'ru'] as const) {
    test(previewUrl(lang), async ({ page, signIn }) => {
      await signIn(INSTRUCTOR_EMAIL)
      await page.goto(previewUrl(lang))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODULE.title[lang])
      expect(await seriousAxeViolations(page)).toEqual([])
    })
  }
})
