// Regrading (issue 15, ADR 028): a learner fails a module quiz on a question whose key is wrong; the
// instructor fixes the key in the question editor and publishes the quiz (ADR 025), follows the editor's
// "regrade" link, regrades, and the learner's review shows the new score. On a course of its own
// (tests/fixtures/e2e-courses/regrade-drill), whose quiz no other spec takes.
import { expect, signInContext, test } from './fixtures'
import { createLearner, enrol, seriousAxeViolations, waitForHydration } from './helpers'
import { QUIZ_TEXT } from './quiz-helpers'

const COURSE = 'regrade-drill'
const MODULE = 'seal-check'
const INSTRUCTOR_EMAIL = 'instructor@demo.test'
const quizUrl = `/en/studio/courses/${COURSE}/modules/${MODULE}/quiz`
const regradeUrl = `${quizUrl}/questions/seal-number/regrade`

test('an instructor fixes a wrong key a learner failed on, regrades, and the learner’s review shows the new score', async ({
  page,
  browser,
  signIn,
}) => {
  const learner = await createLearner('regrade')
  await signIn(learner.email)
  await enrol(page.request, COURSE)
  await page.goto(`/en/courses/${COURSE}/modules/${MODULE}/quiz`)
  const text = QUIZ_TEXT.en
  await page.getByRole('button', { name: text.start }).click()
  // The learner knows the answer; the key as published says otherwise.
  await page.getByLabel('The transit declaration', { exact: true }).check()
  await page
    .getByRole('group', { name: /broken seal/ })
    .getByLabel(text.true, { exact: true })
    .check()
  await page.getByRole('button', { name: text.submit }).click()
  const result = page.getByRole('region', { name: 'Result' })
  await expect(result).toContainText(text.failed)
  await expect(result).toContainText('Your score: 50%')
  const reviewUrl = page.url()

  const instructor = await browser.newContext()
  await signInContext(instructor, INSTRUCTOR_EMAIL)
  const studio = await instructor.newPage()
  // The fix, in the question editor: the transit declaration is the key, not the invoice.
  await studio.goto(`${quizUrl}/questions/seal-number`)
  await studio.getByLabel('Option 1 is correct').uncheck()
  await studio.getByLabel('Option 2 is correct').check()
  await studio.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(studio.getByRole('status')).toHaveText('Question saved in the draft.')
  await studio.goto(quizUrl)
  await studio.getByRole('button', { name: 'Publish the quiz' }).click()
  await expect(studio.getByRole('status')).toContainText(/Version \d+ published/)
  // The quiz page and the question both say a finished attempt used the old key.
  await studio.getByRole('link', { name: '1 attempt to regrade' }).click()
  await expect(studio).toHaveURL(regradeUrl)
  await expect(studio.getByRole('status')).toHaveText('1 finished attempt used an older version.')
  const row = studio.getByRole('row', { name: new RegExp(learner.displayName) })
  await expect(row).toContainText('50 % · failed')
  await expect(row).toContainText('100 % · passed')
  const confirm = studio.getByRole('button', { name: 'Regrade 1 attempt' })
  await waitForHydration(confirm)
  await confirm.click()
  await expect(studio.getByRole('status')).toContainText(/Regraded on .*: 1 attempt\./)
  await expect(studio.getByText('No issued certificate is affected.')).toBeVisible()
  expect(await seriousAxeViolations(studio)).toEqual([])

  // The quiz's statistics now count the regraded attempt with the fixed key.
  await studio.goto(`/ru/studio/courses/${COURSE}/modules/${MODULE}/quiz/statistics`)
  await expect(studio.getByRole('heading', { name: 'Статистика вопросов', level: 1 })).toBeVisible()
  await expect(studio.getByText('Индекс дискриминации (от −1 до 1)')).toBeVisible()
  const card = studio.locator('[data-question="seal-number"]')
  await expect(card).toContainText('Попыток: 1')
  await expect(card).toContainText('Индекс трудности: 1')
  await expect(card.getByRole('row', { name: /Транзитная декларация/ })).toContainText('✓')
  expect(await seriousAxeViolations(studio)).toEqual([])
  await instructor.close()

  await page.goto(reviewUrl)
  await expect(result).toContainText(text.passed)
  await expect(result).toContainText('Your score: 100%')
  await expect(result).toContainText(/Regraded on \w+ \d{1,2}, \d{4}/)
  await expect(page.getByText(text.moduleCompleted)).toBeVisible()
})
