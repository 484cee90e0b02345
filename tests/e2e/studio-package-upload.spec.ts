// Uploading a course package in the studio (issue 15, ADR 027) in real Chromium: the instructor zips the
// shipped AEO course with one module's Russian text changed, reads the check's report, and imports it as a
// draft of the existing course; the module editor shows the changed text in the draft, while a learner
// still reads the published one. The page is used at phone width.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipFolder } from '../support/zip-bytes'
import { expect, signInContext, test } from './fixtures'
import {
  createLearner,
  enrol,
  expectNoSidewaysScroll,
  seriousAxeViolations,
  shippedCourse,
  waitForHydration,
} from './helpers'

const AEO = shippedCourse('aeo')
const MODULE = AEO.module(2)
const FOLDER = join('courses', AEO.slug)

test('an instructor uploads a changed package as a draft; learners keep the published text', async ({
  page,
  browser,
}) => {
  test.slow() // two people, and axe
  const added = `Дополнено загрузкой пакета ${Math.random().toString(36).slice(2, 8)}.`
  const folder = `modules/${String(2).padStart(2, '0')}-${MODULE.slug}`
  const ru = readFileSync(join(FOLDER, folder, 'ru.md'), 'utf8')
  const archive = zipFolder(FOLDER, { prefix: `${AEO.slug}/`, changes: { [`${folder}/ru.md`]: `${ru}\n${added}\n` } })

  const learner = await createLearner('package-upload', 'ru')
  const learnerContext = await browser.newContext()
  try {
    await signInContext(learnerContext, learner.email)
    const reader = await learnerContext.newPage()
    await enrol(reader.request, AEO.slug)

    await signInContext(page.context(), 'instructor@demo.test')
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto('/ru/studio')
    await page.getByRole('link', { name: 'Загрузить пакет' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Загрузка пакета курса' })).toBeVisible()
    const file = page.getByLabel('Архив пакета (.zip)')
    await waitForHydration(file)
    await file.setInputFiles({ name: 'aeo.zip', mimeType: 'application/zip', buffer: archive })
    await page.getByRole('button', { name: 'Проверить архив' }).click()

    const plan = page.getByRole('region', { name: 'Импортировать aeo.zip?' })
    await expect(plan.getByText(/уже существует, и вы его редактор/)).toBeVisible()
    await expect(plan.getByRole('listitem').filter({ hasText: MODULE.slug })).toBeVisible()
    await expectNoSidewaysScroll(page, 360)
    expect(await seriousAxeViolations(page)).toEqual([])
    await plan.getByRole('button', { name: 'Импортировать в черновики' }).click()
    await expect(page.getByRole('status')).toContainText('Пакет импортирован в черновики курса aeo.')

    // The module editor holds the package's text as its draft.
    await page.goto(`/ru/studio/courses/${AEO.slug}/modules/${MODULE.slug}`)
    await expect(page.locator('#ru-body')).toHaveValue(new RegExp(added.replace('.', '\\.')))

    // The learner reads what was published.
    await reader.goto(`/ru/courses/${AEO.slug}/modules/${MODULE.slug}`)
    await expect(reader.getByRole('heading', { level: 1, name: MODULE.title.ru })).toBeVisible()
    await expect(reader.getByText(added)).toHaveCount(0)
  } finally {
    await learnerContext.close()
  }
})
