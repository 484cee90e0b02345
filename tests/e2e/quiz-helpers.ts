import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from '@playwright/test'
import { parse as parseYaml } from 'yaml'
import { quizSchema, type Question, type Quiz } from '~/modules/content/package.schema'
import { checkDigit, isValidContainerNumber } from '~/modules/quiz/iso6346'
import type { Lang } from './helpers'

/** The quiz pages' texts, as a reader of each language sees them. */
export const QUIZ_TEXT = {
  en: {
    takeQuiz: 'Take the module quiz',
    takeExam: 'Go to the final exam',
    start: 'Start the quiz',
    startExam: 'Start the exam',
    retake: 'Try again',
    submit: 'Submit for grading',
    submitAnyway: 'Submit anyway',
    save: 'Save answers',
    passed: 'Passed',
    failed: 'Not passed',
    correctAnswer: 'Correct answer',
    explanation: 'Explanation',
    backToQuiz: 'Back to the quiz',
    history: 'Your attempts',
    moduleCompleted: 'The module is now marked as complete.',
    closedByTime: 'This attempt was closed when its time ran out.',
    true: 'True',
    false: 'False',
    number: 'Your answer (a number)',
    digit: 'Check digit (0–9)',
    place: 'Place',
  },
  ru: {
    takeQuiz: 'Пройти тест по модулю',
    takeExam: 'Перейти к итоговому экзамену',
    start: 'Начать тест',
    startExam: 'Начать экзамен',
    retake: 'Пройти ещё раз',
    submit: 'Отправить на проверку',
    submitAnyway: 'Всё равно отправить',
    save: 'Сохранить ответы',
    passed: 'Сдан',
    failed: 'Не сдан',
    correctAnswer: 'Правильный ответ',
    explanation: 'Пояснение',
    backToQuiz: 'Вернуться к тесту',
    history: 'Ваши попытки',
    moduleCompleted: 'Модуль отмечен как завершённый.',
    closedByTime: 'Попытка завершена автоматически по истечении времени.',
    true: 'Верно',
    false: 'Неверно',
    number: 'Ваш ответ (число)',
    digit: 'Контрольная цифра (0–9)',
    place: 'Место',
  },
} as const

/** A quiz of a course folder (`courses/` or the e2e fixtures), parsed with the app's own schema. */
export function packageQuiz(file: string): Quiz {
  return quizSchema.parse(parseYaml(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')))
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The fieldset of one question on the attempt page, found by its prompt. */
export function questionGroup(page: Page, question: Question, lang: Lang): Locator {
  return page.getByRole('group', { name: new RegExp(escape(question.prompt[lang] ?? '')) })
}

/** Answers one question on the attempt page the way a learner who knows the answer would. */
export async function answerCorrectly(page: Page, question: Question, lang: Lang) {
  const group = questionGroup(page, question, lang)
  const text = QUIZ_TEXT[lang]
  switch (question.type) {
    case 'single':
    case 'multiple':
      for (const option of question.options.filter((o) => o.correct))
        await group.getByLabel(option.text[lang] ?? '', { exact: true }).check()
      return
    case 'true-false':
      await group.getByLabel(question.answer ? text.true : text.false, { exact: true }).check()
      return
    case 'numeric':
      await group.getByLabel(text.number).fill(String(question.answer).replace('.', lang === 'ru' ? ',' : '.'))
      return
    case 'matching':
      for (const pair of question.pairs)
        await group.getByLabel(pair.left[lang] ?? '', { exact: true }).selectOption({ label: pair.right[lang] })
      return
    case 'ordering':
      for (const [index, item] of question.items.entries())
        await group
          .getByRole('combobox', { name: `${text.place}: ${item.text[lang] ?? ''}` })
          .selectOption(String(index + 1))
      return
    case 'container-check-digit': {
      if (question.task === 'compute') {
        const body = (await group.locator('.container-number').first().textContent())?.replace('□', '') ?? ''
        await group.getByLabel(text.digit).fill(String(checkDigit(body)))
        return
      }
      const labels = await group
        .getByRole('radio')
        .evaluateAll((inputs) => inputs.map((input) => input.parentElement?.textContent?.trim() ?? ''))
      const wrong = labels.find((label) => !isValidContainerNumber(label))
      expect(wrong, 'one shown container number has a wrong check digit').toBeDefined()
      await group.getByLabel(wrong ?? '', { exact: true }).check()
    }
  }
}

/** Answers every question of the quiz that the attempt page shows. */
export async function answerAllCorrectly(page: Page, quiz: Quiz, lang: Lang) {
  let answered = 0
  for (const question of quiz.questions) {
    if ((await questionGroup(page, question, lang).count()) === 0) continue
    await answerCorrectly(page, question, lang)
    answered += 1
  }
  expect(answered, 'every drawn question was found on the page').toBe(quiz.questionsPerAttempt)
}

/** Submits an attempt that leaves questions unanswered: the page asks first, in a dialog. */
export async function submitUnanswered(page: Page, lang: Lang) {
  await page.getByRole('button', { name: QUIZ_TEXT[lang].submit }).click()
  await page.getByRole('dialog').getByRole('button', { name: QUIZ_TEXT[lang].submitAnyway }).click()
}
