import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { SAME_ORIGIN, createLearner, enrol, seriousAxeViolations, shippedCourse, waitForHydration } from './helpers'
import { QUIZ_TEXT, answerAllCorrectly, packageQuiz, submitUnanswered } from './quiz-helpers'
import { E2E_SESSION_SOCKET } from '../support/e2e-address'
import { requestDeadline } from '../support/session-client'

const AEO = shippedCourse('aeo')
const CARGO = shippedCourse('cargo-container-control')
const AEO_MODULE_1_QUIZ = packageQuiz('courses/aeo/modules/01-safe-framework/quiz.yaml')
const RU = QUIZ_TEXT.ru

async function submitAttempt(page: Page, { unanswered = false } = {}) {
  if (unanswered) await submitUnanswered(page, 'ru')
  else await page.getByRole('button', { name: RU.submit }).click()
  await expect(page).toHaveURL(/\/ru\/attempts\/[^/]+\/review$/)
}

test('a Russian-speaking officer fails the AEO module-1 quiz, reviews it, retakes it and passes', async ({
  page,
  signIn,
}) => {
  const learner = await createLearner('quiz-journey', 'ru')
  await signIn(learner.email)
  await enrol(page.request, 'aeo')
  const module1 = AEO.module(1)

  await page.goto(`/ru/courses/aeo/modules/${module1.slug}`)
  await page.getByRole('link', { name: RU.takeQuiz }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Тест: ${module1.title.ru}`)
  await page.getByRole('button', { name: RU.start }).click()
  await expect(page.getByRole('main').getByRole('group')).toHaveCount(AEO_MODULE_1_QUIZ.questionsPerAttempt)

  // First attempt: submitted without answers, once the learner confirms it.
  await submitAttempt(page, { unanswered: true })
  await expect(page.getByText(RU.failed, { exact: true })).toBeVisible()
  await expect(page.getByText('Ваш результат: 0%')).toBeVisible()
  // The review policy of this quiz shows the right answers and explanations after each attempt.
  await expect(page.getByText(RU.correctAnswer)).toHaveCount(AEO_MODULE_1_QUIZ.questionsPerAttempt)
  await expect(page.getByText(RU.explanation)).toHaveCount(AEO_MODULE_1_QUIZ.questionsPerAttempt)

  await page.getByRole('link', { name: RU.backToQuiz }).click()
  const history = page.getByRole('region', { name: RU.history })
  await expect(history.getByRole('row')).toHaveCount(2)
  await expect(history.getByRole('cell', { name: RU.failed })).toBeVisible()

  // Second attempt: answered right.
  await page.getByRole('button', { name: RU.retake }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Попытка 2')
  await answerAllCorrectly(page, AEO_MODULE_1_QUIZ, 'ru')
  await submitAttempt(page)
  await expect(page.getByText(RU.passed, { exact: true })).toBeVisible()
  await expect(page.getByText('Ваш результат: 100%')).toBeVisible()
  await expect(page.getByText(RU.moduleCompleted)).toBeVisible()

  // The module is complete on the course page.
  await page.goto('/ru/courses/aeo')
  const moduleItem = page.getByRole('listitem').filter({ hasText: module1.title.ru })
  await expect(moduleItem).toContainText('Пройден')
})

test('a timed exam closes itself when its time runs out', async ({ page, signIn }) => {
  const learner = await createLearner('timed-exam', 'ru')
  await signIn(learner.email)
  await enrol(page.request, 'exam-drill')
  const completed = await page.request.post('/ru/courses/exam-drill/modules/briefing', {
    form: { intent: 'complete' },
    headers: SAME_ORIGIN,
    maxRedirects: 0,
  })
  expect(completed.status()).toBe(302)

  await page.goto('/ru/courses/exam-drill/exam')
  await page.getByRole('button', { name: RU.startExam }).click()
  await expect(page).toHaveURL(/\/ru\/attempts\/[^/]+$/)
  // The exam lasts a minute: its deadline is brought to a few seconds from now rather than waited for.
  const attemptId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  await requestDeadline(E2E_SESSION_SOCKET, { attemptId, secondsLeft: 10 })
  await page.reload()
  await expect(page.getByRole('timer')).toContainText('Осталось')
  const answer = page.getByLabel(RU.true, { exact: true })
  await waitForHydration(answer)
  await answer.check()
  // No submit: the page's clock submits at the deadline, the server closes it.
  await expect(page).toHaveURL(/\/review$/, { timeout: 30_000 })
  await expect(page.getByText(RU.closedByTime)).toBeVisible()
  await expect(page.getByText(/Ваш результат: \d+%/)).toBeVisible()
  // The saved answer counted: the true/false statement was answered right.
  await expect(page.getByText('Ответ верный', { exact: true })).toBeVisible()
})

test('autosave stores an answer in the background and reloads no page data', async ({ page, signIn }) => {
  const learner = await createLearner('autosave', 'en')
  await signIn(learner.email)
  await enrol(page.request, 'aeo')
  await page.goto(`/en/courses/aeo/modules/${AEO.module(1).slug}/quiz`)
  await page.getByRole('button', { name: QUIZ_TEXT.en.start }).click()
  await expect(page).toHaveURL(/\/en\/attempts\/[^/]+$/)

  const requests: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.endsWith('.data') || path.endsWith('/answers'))
      requests.push(`${request.method()} ${path.split('/').at(-1)}`)
  })
  const choice = page.locator('form input[type=radio]').first()
  // Autosave is the page's script: a click before hydration changes the box and nothing else (a busy CI box).
  await waitForHydration(choice)
  await choice.check()
  await expect(page.getByText(/^Saved automatically at/)).toBeVisible()
  // A revalidation would follow the save at once: give it the time to show up.
  await page.waitForTimeout(1_000)
  expect(requests).toEqual(['POST answers'])

  await page.reload()
  await expect(page.locator('form input[type=radio]').first()).toBeChecked()
})

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('the attempt, review and quiz pages are accessible and do not scroll sideways', async ({ page, signIn }) => {
    const learner = await createLearner('quiz-phone')
    await signIn(learner.email)
    await enrol(page.request, 'cargo-container-control')
    const quiz = packageQuiz('courses/cargo-container-control/modules/01-container-identification/quiz.yaml')
    await page.goto(`/en/courses/cargo-container-control/modules/${CARGO.module(1).slug}/quiz`)
    await page.getByRole('button', { name: QUIZ_TEXT.en.start }).click()
    await expect(page.getByRole('main').getByRole('group')).toHaveCount(quiz.questionsPerAttempt)
    const fitsPhone = async () => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }))
      expect(clientWidth).toBeLessThanOrEqual(360)
      expect(scrollWidth, 'the page is no wider than the screen').toBeLessThanOrEqual(clientWidth)
    }
    await fitsPhone()
    expect(await seriousAxeViolations(page)).toEqual([])
    await answerAllCorrectly(page, quiz, 'en')
    await page.getByRole('button', { name: QUIZ_TEXT.en.submit }).click()
    await expect(page.getByText('Your score: 100%')).toBeVisible()
    await fitsPhone()
    expect(await seriousAxeViolations(page)).toEqual([])

    // The quiz page lists the attempt in its history table, which scrolls inside its own box.
    await page.getByRole('link', { name: QUIZ_TEXT.en.backToQuiz }).click()
    await expect(page.getByRole('region', { name: QUIZ_TEXT.en.history }).getByRole('row')).toHaveCount(2)
    await fitsPhone()
    expect(await seriousAxeViolations(page)).toEqual([])
  })
})
