import type { Page } from '@playwright/test'
import { expect, signInContext } from './fixtures'
import { SAME_ORIGIN, createLearner, enrol, type Lang } from './helpers'
import { QUIZ_TEXT, answerAllCorrectly, packageQuiz } from './quiz-helpers'

const DRILL_EXAM = packageQuiz('tests/fixtures/e2e-courses/exam-drill/final-exam.yaml')
export const DRILL_TITLE = { en: 'Exam drill (test course)', ru: 'Тренировочный экзамен (тестовый курс)' }
export const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/

/** A new learner completes the drill course (its module, then its exam) and opens My learning. */
export async function earnCertificate(page: Page, lang: Lang) {
  const learner = await createLearner('certificate', lang)
  await signInContext(page.context(), learner.email)
  await enrol(page.request, 'exam-drill')
  const completed = await page.request.post(`/${lang}/courses/exam-drill/modules/briefing`, {
    form: { intent: 'complete' },
    headers: SAME_ORIGIN,
    maxRedirects: 0,
  })
  expect(completed.status()).toBe(302)
  await page.goto(`/${lang}/courses/exam-drill/exam`)
  await page.getByRole('button', { name: QUIZ_TEXT[lang].startExam }).click()
  await expect(page.getByRole('group')).toHaveCount(DRILL_EXAM.questionsPerAttempt)
  await answerAllCorrectly(page, DRILL_EXAM, lang)
  await page.getByRole('button', { name: QUIZ_TEXT[lang].submit }).click()
  await expect(page.getByText(QUIZ_TEXT[lang].passed, { exact: true })).toBeVisible()
  await page.goto(`/${lang}/me`)
  const card = page.locator('[data-certificate]').filter({ hasText: DRILL_TITLE[lang] })
  await expect(card).toHaveCount(1)
  const code = (await card.getAttribute('data-certificate')) ?? ''
  expect(code).toMatch(CODE)
  const pdfPath =
    (await card.getByRole('link', { name: lang === 'ru' ? 'Скачать PDF' : 'Download PDF' }).getAttribute('href')) ?? ''
  return { learner, card, code, pdfPath }
}
