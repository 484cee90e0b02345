// Where translation status and publishing show (issue 14, ADR 019): a module republished with a
// changed English body and the Russian left unconfirmed, as the studio's list, the studio's course
// page and a learner reading in each language see it. Publishing has no browser form yet: the
// session broker publishes through the studio's own functions.
import { E2E_SESSION_SOCKET } from '../support/e2e-address'
import { requestEnglishPublish } from '../support/session-client'
import { expect, signInContext, test } from './fixtures'
import { createLearner, enrol, shippedCourse } from './helpers'

const COURSE = shippedCourse('single-window')
const CHANGED = COURSE.module(5)
const IMPORTED = COURSE.module(4)
const moduleUrl = (lang: string, slug: string) => `/${lang}/courses/${COURSE.slug}/modules/${slug}`

test('a republished module: counted in the studio, dated and flagged for the Russian reader', async ({
  page,
  browser,
}) => {
  await requestEnglishPublish(E2E_SESSION_SOCKET, {
    email: 'instructor@demo.test',
    course: COURSE.slug,
    module: CHANGED.slug,
    appendEnglish: 'Added in the end-to-end run: check both seals.',
  })

  const learner = await createLearner('status-notice', 'ru')
  await signInContext(page.context(), learner.email)
  await enrol(page.request, COURSE.slug)
  await page.goto(moduleUrl('ru', CHANGED.slug))
  await expect(page.getByRole('note').filter({ hasText: 'Текст модуля на английском языке обновлён' })).toBeVisible()
  await expect(page.getByText(/Обновлено .+ \d{4}/)).toBeVisible()

  await page.goto(moduleUrl('en', CHANGED.slug))
  await expect(page.getByText(/Updated on .+ \d{4}/)).toBeVisible()
  await expect(page.getByText('may not include those changes')).toHaveCount(0)

  // A module only ever imported has no revision: neither a date nor a notice.
  await page.goto(moduleUrl('ru', IMPORTED.slug))
  await expect(page.getByRole('heading', { level: 1, name: IMPORTED.title.ru })).toBeVisible()
  await expect(page.getByText(/Обновлено/)).toHaveCount(0)

  const studio = await browser.newContext()
  try {
    await signInContext(studio, 'instructor@demo.test')
    const author = await studio.newPage()
    await author.goto('/ru/studio')
    const row = author.getByRole('row').filter({ has: author.getByRole('link', { name: COURSE.title.ru }) })
    await expect(row.getByText('Русский: 1 модуль устарел')).toBeVisible()
    await author.goto(`/en/studio/courses/${COURSE.slug}`)
    await expect(author.getByText('Russian: 1 module out of date')).toBeVisible()
    const moduleRow = author.getByRole('row').filter({ hasText: CHANGED.title.en })
    await expect(moduleRow.getByText('out of date')).toBeVisible()
  } finally {
    await studio.close()
  }
})
