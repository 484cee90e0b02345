import type { Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import {
  SAME_ORIGIN,
  TEXT,
  createLearner,
  enrol,
  seriousAxeViolations,
  shippedCourse,
  waitForHydration,
  type Lang,
} from './helpers'
import { QUIZ_TEXT, answerAllCorrectly, packageQuiz } from './quiz-helpers'

const AEO = shippedCourse('aeo')
const AEO_MODULE_1_QUIZ = packageQuiz('courses/aeo/modules/01-safe-framework/quiz.yaml')
const DRILL_EXAM = packageQuiz('tests/fixtures/e2e-courses/exam-drill/final-exam.yaml')

const FLOW = {
  en: {
    nextModule: 'Next module:',
    certificate: 'Your certificate',
    download: 'Download PDF',
    verify: 'Public verification page',
    examAfterOne: 'The final exam opens once you complete 1 more module.',
    unanswered: (count: number) => `${count} questions are not answered`,
    keepAnswering: 'Keep answering',
    answered: (answered: number, total: number) => `Answered: ${answered} of ${total}.`,
  },
  ru: {
    nextModule: 'Следующий модуль:',
    certificate: 'Ваш сертификат',
    download: 'Скачать PDF',
    verify: 'Страница проверки',
    examAfterOne: 'Итоговый экзамен откроется, когда вы завершите ещё 1 модуль.',
    unanswered: (count: number) => `${count} ${count < 5 ? 'вопроса' : 'вопросов'} остались без ответа`,
    keepAnswering: 'Вернуться к вопросам',
    answered: (answered: number, total: number) => `Отвечено: ${answered} из ${total}.`,
  },
} as const

/** A new learner in `course`, signed in on the page's context. */
async function learnerIn(page: Page, purpose: string, lang: Lang, course: string) {
  const learner = await createLearner(purpose, lang)
  await signInContext(page.context(), learner.email)
  await enrol(page.request, course)
  return learner
}

/** Starts the quiz of AEO module 1 and waits for the attempt page's script. */
async function startModuleQuiz(page: Page, lang: Lang) {
  await page.goto(`/${lang}/courses/aeo/modules/${AEO.module(1).slug}/quiz`)
  await page.getByRole('button', { name: QUIZ_TEXT[lang].start }).click()
  await expect(page.getByRole('main').getByRole('group')).toHaveCount(AEO_MODULE_1_QUIZ.questionsPerAttempt)
  await waitForHydration(page.getByRole('button', { name: QUIZ_TEXT[lang].submit }))
}

async function completeDrillModule(page: Page, lang: Lang) {
  const completed = await page.request.post(`/${lang}/courses/exam-drill/modules/briefing`, {
    form: { intent: 'complete' },
    headers: SAME_ORIGIN,
    maxRedirects: 0,
  })
  expect(completed.status()).toBe(302)
}

test('a passed module quiz offers the next module on its result', async ({ page }) => {
  await learnerIn(page, 'next-module', 'en', 'aeo')
  await startModuleQuiz(page, 'en')
  await answerAllCorrectly(page, AEO_MODULE_1_QUIZ, 'en')
  await expect(page.getByText(FLOW.en.answered(5, 5))).toBeVisible()
  await page.getByRole('button', { name: QUIZ_TEXT.en.submit }).click()
  await expect(page.getByText(QUIZ_TEXT.en.passed, { exact: true })).toBeVisible()
  await page.getByRole('link', { name: `${FLOW.en.nextModule} ${AEO.module(2).title.en}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AEO.module(2).title.en)
  // The course page offers the exam only once it is open: every module but the first is left.
  await page.goto('/en/courses/aeo')
  const left = AEO.modules.length - 1
  await expect(page.getByText(`The final exam opens once you complete ${left} more modules.`)).toBeVisible()
  await expect(page.getByRole('link', { name: QUIZ_TEXT.en.takeExam })).toHaveCount(0)
})

test('a passed final exam shows its certificate, to download and to verify, on the result', async ({ page }) => {
  test.setTimeout(60_000)
  await learnerIn(page, 'exam-certificate', 'ru', 'exam-drill')
  await page.goto('/ru/courses/exam-drill')
  await expect(page.getByText(FLOW.ru.examAfterOne)).toBeVisible()
  await expect(page.getByRole('link', { name: QUIZ_TEXT.ru.takeExam })).toHaveCount(0)
  await completeDrillModule(page, 'ru')
  await page.goto('/ru/courses/exam-drill')
  await page.getByRole('link', { name: QUIZ_TEXT.ru.takeExam }).click()
  await page.getByRole('button', { name: QUIZ_TEXT.ru.startExam }).click()
  await expect(page.getByRole('main').getByRole('group')).toHaveCount(DRILL_EXAM.questionsPerAttempt)
  await answerAllCorrectly(page, DRILL_EXAM, 'ru')
  await page.getByRole('button', { name: QUIZ_TEXT.ru.submit }).click()
  await expect(page.getByText(QUIZ_TEXT.ru.passed, { exact: true })).toBeVisible()

  const certificate = page.getByRole('region', { name: FLOW.ru.certificate })
  await expect(certificate).toBeVisible()
  expect(await seriousAxeViolations(page)).toEqual([])
  const download = certificate.getByRole('link', { name: FLOW.ru.download })
  await waitForHydration(download)
  const downloading = page.waitForEvent('download')
  await download.click()
  expect((await downloading).suggestedFilename()).toMatch(/^certificate-exam-drill-[0-9A-Z]{4}\.pdf$/)
  await certificate.getByRole('link', { name: FLOW.ru.verify }).click()
  await expect(page).toHaveURL(/\/ru\/verify\/[0-9A-Z-]+$/)
  await expect(page.getByText('Действителен').first()).toBeVisible()
})

test('submitting with unanswered questions asks first, in a dialog that links to them', async ({ page }) => {
  await learnerIn(page, 'unanswered-dialog', 'ru', 'aeo')
  await startModuleQuiz(page, 'ru')
  await page.locator('form input[type=radio]').first().check()
  await expect(page.getByText(FLOW.ru.answered(1, 5))).toBeVisible()

  await page.getByRole('button', { name: QUIZ_TEXT.ru.submit }).click()
  const dialog = page.getByRole('dialog', { name: FLOW.ru.unanswered(4) })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('link')).toHaveCount(4)
  expect(await seriousAxeViolations(page)).toEqual([])
  await dialog.getByRole('button', { name: FLOW.ru.keepAnswering }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/)

  await page.getByRole('button', { name: QUIZ_TEXT.ru.submit }).click()
  await dialog.getByRole('button', { name: QUIZ_TEXT.ru.submitAnyway }).click()
  await expect(page).toHaveURL(/\/review$/)
  await expect(page.getByText(QUIZ_TEXT.ru.failed, { exact: true })).toBeVisible()
})

test('without JavaScript the server asks on its own page before grading an incomplete attempt', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await learnerIn(page, 'unanswered-nojs', 'en', 'aeo')
  await page.goto(`/en/courses/aeo/modules/${AEO.module(1).slug}/quiz`)
  await page.getByRole('button', { name: QUIZ_TEXT.en.start }).click()
  await page.locator('form input[type=radio]').first().check()
  await page.getByRole('button', { name: QUIZ_TEXT.en.submit }).click()

  await expect(page).toHaveURL(/\/attempts\/[^/?]+\?confirm=1#unanswered$/)
  const review = page.getByRole('region', { name: FLOW.en.unanswered(4) })
  await expect(review.getByRole('link')).toHaveCount(4)
  // Saved, not graded: the first answer is still checked, the attempt still open.
  await expect(page.locator('form input[type=radio]').first()).toBeChecked()
  await page.goto(`/en/courses/aeo/modules/${AEO.module(1).slug}/quiz`)
  await expect(page.getByRole('cell', { name: 'In progress' })).toBeVisible()
  await page.goBack()

  await page.getByRole('button', { name: QUIZ_TEXT.en.submitAnyway }).click()
  await expect(page).toHaveURL(/\/review$/)
  await expect(page.getByText(QUIZ_TEXT.en.failed, { exact: true })).toBeVisible()
  await context.close()
})

test.describe('the exam clock in Yerevan', () => {
  test.use({ timezoneId: 'Asia/Yerevan' })

  test('shows the end time in local time and announces five and one minutes left, once each', async ({ page }) => {
    await learnerIn(page, 'exam-clock', 'ru', 'exam-drill')
    await completeDrillModule(page, 'ru')
    // The server's page says UTC: it cannot know the learner's zone.
    await page.goto('/ru/courses/exam-drill/exam')
    await page.getByRole('button', { name: QUIZ_TEXT.ru.startExam }).click()
    await expect(page).toHaveURL(/\/ru\/attempts\/[^/]+$/)
    const html = await (await page.request.get(page.url())).text()
    expect(html).toMatch(/Время истекает в(<!-- -->)? <time dateTime="[^"]+">\d\d:\d\d UTC<\/time>/)

    // The page's clock runs six minutes behind: seven minutes seem left of the one-minute exam.
    await page.clock.install({ time: Date.now() - 6 * 60_000 })
    await page.reload()
    const end = page.locator('.attempt-timer time')
    await waitForHydration(page.getByRole('button', { name: QUIZ_TEXT.ru.submit }))
    const deadline = (await end.getAttribute('datetime')) ?? ''
    const local = new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Yerevan' })
    await expect(end).toHaveText(local.format(new Date(deadline)))
    await expect(page.getByRole('timer')).toContainText(/Осталось: [67]:\d\d/)

    const announced = page.locator('.attempt-timer [aria-live="assertive"]')
    await expect(announced).toHaveText('')
    await page.clock.runFor('02:10')
    await expect(announced).toHaveText('Осталось 5 минут.')
    await page.clock.runFor('00:30')
    await expect(announced).toHaveText('Осталось 5 минут.')
    await page.clock.runFor('03:30')
    await expect(announced).toHaveText('Осталась 1 минута.')

    // The attempt history shows the start in local time as well.
    await page.goto('/ru/courses/exam-drill/exam')
    const started = page.getByRole('region', { name: QUIZ_TEXT.ru.history }).locator('time')
    await expect(started).not.toContainText('UTC')
    const when = new Date((await started.getAttribute('datetime')) ?? '')
    await expect(started).toContainText(local.format(when))
  })
})

test('after a failed form the focus moves to its error', async ({ page }) => {
  await page.goto('/en/login')
  const submit = page.getByRole('button', { name: TEXT.en.logIn })
  await waitForHydration(submit)
  await page.getByLabel(TEXT.en.email, { exact: true }).fill('nobody@demo.test')
  await page.getByLabel(TEXT.en.password, { exact: true }).fill('wrong-password-1')
  await submit.click()
  await expect(page.getByRole('alert')).toContainText(TEXT.en.invalidLogin)
  await expect(page.getByRole('alert')).toBeFocused()
})

test('a form button shows that its request is on its way and cannot be pressed twice', async ({ page }) => {
  await learnerIn(page, 'pending-button', 'en', 'aeo')
  await page.goto(`/en/courses/aeo/modules/${AEO.module(1).slug}/quiz`)
  const start = page.getByRole('button', { name: QUIZ_TEXT.en.start })
  await waitForHydration(start)
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/quiz\.data/, async (route) => {
    if (route.request().method() === 'POST') await held
    await route.continue()
  })
  await start.click()
  await expect(start).toBeDisabled()
  await expect(start).toHaveAttribute('aria-busy', 'true')
  release()
  await expect(page).toHaveURL(/\/en\/attempts\/[^/]+$/)
})

for (const lang of ['en', 'ru'] as const)
  test.describe(`on a 390 px phone (${lang})`, () => {
    test.use({ viewport: { width: 390, height: 844 } })

    test('the attempt page with its summary and dialog, the result and the course page are accessible', async ({
      page,
    }) => {
      await learnerIn(page, `flow-axe-${lang}`, lang, 'aeo')
      await startModuleQuiz(page, lang)
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.getByRole('button', { name: QUIZ_TEXT[lang].submit }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.getByRole('dialog').getByRole('button', { name: FLOW[lang].keepAnswering }).click()
      await answerAllCorrectly(page, AEO_MODULE_1_QUIZ, lang)
      await page.getByRole('button', { name: QUIZ_TEXT[lang].submit }).click()
      await expect(page.getByRole('link', { name: new RegExp(FLOW[lang].nextModule) })).toBeVisible()
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.goto(`/${lang}/courses/aeo`)
      expect(await seriousAxeViolations(page)).toEqual([])
    })
  })
