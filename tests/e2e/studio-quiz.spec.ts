// Quizzes in the studio (issue 15, ADR 025) in real Chromium: the instructor adds a matching question in
// both languages, previews it in Russian, publishes the quiz, and a learner meets the question in an
// attempt; the question editor without JavaScript; the quiz pages with axe and at phone width.
import type { Page } from '@playwright/test'
import type { Question } from '~/modules/content/package.schema'
import { expect, signInContext, test } from './fixtures'
import {
  createLearner,
  enrol,
  expectNoSidewaysScroll,
  seriousAxeViolations,
  shippedCourse,
  waitForHydration,
} from './helpers'
import { answerCorrectly, QUIZ_TEXT } from './quiz-helpers'

const INSTRUCTOR = 'instructor@demo.test'
const SINGLE_WINDOW = shippedCourse('single-window')
const MODULE = SINGLE_WINDOW.module(4)
const quizUrl = (lang: string) => `/${lang}/studio/courses/${SINGLE_WINDOW.slug}/modules/${MODULE.slug}/quiz`
const suffix = () => Math.random().toString(36).slice(2, 8)

/** The question the tests write: which agency decides on what, in both languages. */
function agencyQuestion(slug: string): Question & { type: 'matching' } {
  return {
    slug,
    type: 'matching',
    points: 1,
    prompt: {
      en: `Match each document to the agency that decides on it (${slug}).`,
      ru: `Сопоставьте документ и ведомство, которое принимает по нему решение (${slug}).`,
    },
    explanation: {
      en: 'Each permit goes through the Single Window to the agency responsible for it.',
      ru: 'Каждое разрешение через «единое окно» направляется в ведомство, ответственное за него.',
    },
    pairs: [
      {
        id: 'p1',
        left: { en: 'Phytosanitary certificate', ru: 'Фитосанитарный сертификат' },
        right: { en: 'Plant protection service', ru: 'Служба защиты растений' },
      },
      {
        id: 'p2',
        left: { en: 'Veterinary certificate', ru: 'Ветеринарный сертификат' },
        right: { en: 'Veterinary service', ru: 'Ветеринарная служба' },
      },
      {
        id: 'p3',
        left: { en: 'Customs declaration', ru: 'Таможенная декларация' },
        right: { en: 'Customs authority', ru: 'Таможенный орган' },
      },
    ],
  }
}

/** Fills the question editor's texts for a matching question in both languages. */
async function writeMatching(page: Page, question: ReturnType<typeof agencyQuestion>) {
  const languages = [
    ['en', 'English'],
    ['ru', 'Russian'],
  ] as const
  for (const [lang, name] of languages) {
    await page.getByLabel(`Question text — ${name}`).fill(question.prompt[lang] ?? '')
    await page.getByLabel(`Explanation shown in the review — ${name}`).fill(question.explanation[lang] ?? '')
    for (const [index, pair] of question.pairs.entries()) {
      await page.getByLabel(`Pair ${index + 1}, left — ${name}`).fill(pair.left[lang] ?? '')
      await page.getByLabel(`Pair ${index + 1}, right — ${name}`).fill(pair.right[lang] ?? '')
    }
  }
}

test('an instructor adds a matching question, previews it in Russian, publishes; a learner meets it', async ({
  page,
  browser,
}) => {
  test.slow()
  const question = agencyQuestion(`agency-match-${suffix()}`)
  await signInContext(page.context(), INSTRUCTOR)
  await page.goto(`/en/studio/courses/${SINGLE_WINDOW.slug}`)
  await page.getByRole('link', { name: `Quiz “${MODULE.title.en}”` }).click()
  await expect(page).toHaveURL(quizUrl('en'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quiz: ${MODULE.title.en}`)

  await page.getByLabel('New question of type').selectOption({ label: 'Matching' })
  await page.getByRole('button', { name: 'Add a question' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New question: Matching')
  await page.getByLabel('Identifier').fill(question.slug)
  await writeMatching(page, question)
  // A repeated right-hand text is refused next to its field, the rest kept.
  await page.getByLabel('Pair 3, right — English').fill('Veterinary service')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('The same text as an earlier pair')).toBeVisible()
  await expect(page.getByLabel('Pair 3, right — English')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Pair 3, right — English').fill('Customs authority')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Question added to the draft.')

  // The preview, in Russian: the learner's own form, scored here, nothing recorded.
  await page.getByRole('link', { name: 'Preview as a learner' }).click()
  await page.getByRole('link', { name: 'Preview in Russian' }).click()
  await expect(page.getByRole('group', { name: new RegExp(question.slug) })).toContainText(question.prompt.ru ?? '')
  await answerCorrectly(page, question, 'ru')
  await page.getByRole('button', { name: 'Проверить ответ' }).click()
  await expect(page.locator('.review-item--right')).toContainText('Ответ верный')

  // Draw every question in use, so the learner's attempt surely has the new one; then publish.
  await page.goto(quizUrl('en'))
  const inUse = Number(
    /\((\d+) in use\)/.exec((await page.getByRole('heading', { name: /^Questions/ }).textContent()) ?? '')?.[1],
  )
  await page.getByLabel('Questions per attempt').fill(String(inUse))
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toHaveText('Settings saved in the draft.')
  await page.getByLabel('Note for the history (optional)').fill(`Added ${question.slug}`)
  await page.getByRole('button', { name: 'Publish the quiz' }).click()
  await expect(page.getByRole('status')).toContainText(/Version \d+ published/)
  await expect(page.getByRole('region', { name: 'Published versions' })).toContainText(`Added ${question.slug}`)

  const learnerContext = await browser.newContext()
  try {
    const learner = await createLearner('studio-quiz', 'ru')
    await signInContext(learnerContext, learner.email)
    const learnerPage = await learnerContext.newPage()
    await enrol(learnerPage.request, SINGLE_WINDOW.slug)
    await learnerPage.goto(`/ru/courses/${SINGLE_WINDOW.slug}/modules/${MODULE.slug}/quiz`)
    await learnerPage.getByRole('button', { name: QUIZ_TEXT.ru.start }).click()
    await expect(learnerPage.getByRole('group', { name: new RegExp(question.slug) })).toBeVisible()
    await answerCorrectly(learnerPage, question, 'ru')
  } finally {
    await learnerContext.close()
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the question editor adds an option with a plain submit and saves in Russian', async ({ page }) => {
    await signInContext(page.context(), INSTRUCTOR)
    // Another module than the first test's, which publishes its quiz: this one leaves a draft unpublishable.
    const quiz = `/ru/studio/courses/${SINGLE_WINDOW.slug}/modules/${SINGLE_WINDOW.module(5).slug}/quiz`
    await page.goto(`${quiz}/questions/new?type=single`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Новый вопрос: Один вариант ответа')
    await page.getByLabel('Текст вопроса — Русский').fill('Какой документ подаётся через «единое окно» первым?')
    // Four blank options to start with; one more, by a plain form post, keeps what was typed.
    await page.getByRole('button', { name: 'Добавить ещё' }).click()
    await expect(page.getByLabel('Текст вопроса — Русский')).toHaveValue(
      'Какой документ подаётся через «единое окно» первым?',
    )
    await expect(page.getByLabel('Вариант 5 — Русский')).toBeVisible()
    for (const [index, text] of [
      'Предварительная информация',
      'Декларация на товары',
      'Счёт-фактура',
      'Паспорт водителя',
      'Путевой лист',
    ].entries())
      await page.getByLabel(`Вариант ${index + 1} — Русский`).fill(text)
    await page.getByLabel('Вариант 1 правильный').check()
    await page
      .getByLabel('Пояснение для разбора — Русский')
      .fill('Предварительная информация поступает до прибытия товаров.')
    await page.getByLabel('Идентификатор').fill(`first-message-${suffix()}`)
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
    await expect(page.getByRole('status')).toHaveText('Вопрос добавлен в черновик.')
    // Only Russian was written: the question list says the English is missing.
    await page.goto(quiz)
    await expect(page.getByText('Чтобы опубликовать тест, нужно:')).toBeVisible()
  })
})

for (const lang of ['en', 'ru'] as const)
  test(`the quiz page and the question editor pass axe and fit a phone (${lang})`, async ({ page }) => {
    await signInContext(page.context(), INSTRUCTOR)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`/${lang}/studio/courses/${SINGLE_WINDOW.slug}/exam`)
    await waitForHydration(page.locator('form').first())
    expect(await seriousAxeViolations(page)).toEqual([])
    await expectNoSidewaysScroll(page, 390)
    await page.goto(`${quizUrl(lang)}/questions/new?type=ordering`)
    await waitForHydration(page.locator('form.question-editor'))
    expect(await seriousAxeViolations(page)).toEqual([])
    await expectNoSidewaysScroll(page, 390)
  })
