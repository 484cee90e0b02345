// A published course's details through a draft (issue 14, ADR 024): the instructor changes the Russian
// summary of a shipped course; a learner keeps reading the published one until the instructor publishes
// the draft (here from a browser without JavaScript), and then reads the new one. Then its learning
// objectives, edited one a line in both languages, reach the learners' course page once published.
import { expect, signInContext, test } from './fixtures'
import { createLearner, seriousAxeViolations, shippedCourse, waitForHydration } from './helpers'

const COURSE = shippedCourse('cargo-container-control')
const STUDIO = `/ru/studio/courses/${COURSE.slug}`

// Both tests change the same course's details draft: one after the other, or the second is a conflict.
test.describe.configure({ mode: 'serial' })

test('an instructor’s new Russian summary reaches learners only once published', async ({ page, browser, signIn }) => {
  test.slow() // three people, and axe
  const added = `Дополнено в сквозном тесте ${Math.random().toString(36).slice(2, 8)}.`
  const learner = await createLearner('course-details', 'ru')
  const learnerContext = await browser.newContext()
  const plainContext = await browser.newContext({ javaScriptEnabled: false })
  try {
    await signInContext(learnerContext, learner.email)
    await signInContext(plainContext, 'instructor@demo.test')
    const reader = await learnerContext.newPage()

    await signIn('instructor@demo.test')
    await page.goto(STUDIO)
    const summary = page.getByLabel('Краткое описание на русском')
    await waitForHydration(summary)
    const published = await summary.inputValue()
    await summary.fill(`${published} ${added}`)
    await page.getByRole('button', { name: 'Сохранить черновик' }).click()
    await expect(page.getByRole('status')).toHaveText(
      'Черновик сохранён. Слушатели курса видят опубликованные сведения, пока черновик не опубликован.',
    )
    await expect(page.getByText('Черновик ещё не опубликован. Изменено: Краткое описание на русском.')).toBeVisible()
    // The English summary was confirmed against the old Russian one: flagged, in the table and the list.
    // (The module list has badges of its own: the module editor's tests change this course's modules.)
    const details = page.getByRole('region', { name: 'Сведения' })
    await expect(details.getByRole('cell').filter({ hasText: 'перевод устарел' })).toHaveCount(1)
    await expect(page.getByText(/^Краткое описание на английском: текст на другом языке изменился/)).toBeVisible()
    expect(await seriousAxeViolations(page)).toEqual([])

    for (const path of [`/ru/courses/${COURSE.slug}`, '/ru/courses']) {
      await reader.goto(path)
      await expect(reader.getByText(published, { exact: true })).toBeVisible()
      await expect(reader.getByText(added)).toHaveCount(0)
    }

    // Published from a browser without JavaScript: the buttons are plain forms.
    const plain = await plainContext.newPage()
    await plain.goto(STUDIO)
    await plain.getByRole('button', { name: 'Опубликовать сведения' }).click()
    await expect(plain.getByRole('status')).toHaveText('Сведения опубликованы. Слушатели курса уже видят их.')
    await expect(plain.getByText(/Черновик ещё не опубликован/)).toHaveCount(0)

    for (const path of [`/ru/courses/${COURSE.slug}`, '/ru/courses']) {
      await reader.goto(path)
      await expect(reader.getByText(`${published} ${added}`, { exact: true })).toBeVisible()
    }

    // The English summary still says the same: its translator marks it as up to date.
    await plain.getByRole('button', { name: 'Отметить как актуальный: Краткое описание на английском' }).click()
    await expect(plain.getByRole('status')).toHaveText(
      'Краткое описание на английском: перевод отмечен как актуальный.',
    )
    await expect(plain.getByRole('region', { name: 'Сведения' }).getByText('перевод устарел')).toHaveCount(0)
  } finally {
    await learnerContext.close()
    await plainContext.close()
  }
})

test('learning objectives edited in both languages reach the learners’ course page once published', async ({
  page,
  browser,
  signIn,
}) => {
  const mark = Math.random().toString(36).slice(2, 8)
  const added = {
    en: `Explain a seal discrepancy to the carrier (${mark}).`,
    ru: `Разъяснять перевозчику расхождение в сведениях о пломбе (${mark}).`,
  }
  const learner = await createLearner('course-objectives', 'ru')
  const learnerContext = await browser.newContext()
  try {
    await signInContext(learnerContext, learner.email)
    const reader = await learnerContext.newPage()

    await signIn('instructor@demo.test')
    await page.goto(`/en/studio/courses/${COURSE.slug}`)
    const english = page.getByRole('textbox', { name: 'Learning objectives in English' })
    const russian = page.getByRole('textbox', { name: 'Learning objectives in Russian' })
    await waitForHydration(english)
    await english.fill(`${await english.inputValue()}\n\n${added.en}\n`)
    await russian.fill(`${await russian.inputValue()}\n${added.ru}`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(
      page.getByText(
        /^Draft not published yet\. Changed: Learning objectives in English, Learning objectives in Russian\./,
      ),
    ).toBeVisible()
    // Both changed at once: each is flagged against the other's old text until someone says they match.
    await page.getByRole('button', { name: 'Mark as up to date: Learning objectives in English' }).click()
    await expect(page.getByRole('status')).toHaveText('Learning objectives in English marked as up to date.')
    await expect(page.getByRole('region', { name: 'Details' }).getByText('translation out of date')).toHaveCount(0)

    await reader.goto(`/ru/courses/${COURSE.slug}`)
    await expect(reader.getByText(added.ru)).toHaveCount(0)

    await page.getByRole('button', { name: 'Publish details' }).click()
    await expect(page.getByRole('status')).toHaveText('Details published. Learners see them now.')
    for (const [lang, heading] of [
      ['ru', 'Чему вы научитесь'],
      ['en', 'What you will be able to do'],
    ] as const) {
      await reader.goto(`/${lang}/courses/${COURSE.slug}`)
      const objectives = reader.getByRole('region', { name: heading })
      await expect(objectives.getByRole('listitem').last()).toHaveText(added[lang])
    }
  } finally {
    await learnerContext.close()
  }
})
