// The studio's module editor (issue 14, ADR 021) in real Chromium: writing in CodeMirror with saving
// as one types, the other language flagged with the words that changed, publishing, what learners
// read before and after, restoring a revision; two authors at once; the plain form without JavaScript.
import type { Locator, Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import {
  createLearner,
  enrol,
  expectNoSidewaysScroll,
  seriousAxeViolations,
  shippedCourse,
  waitForHydration,
} from './helpers'

const INSTRUCTOR = 'instructor@demo.test'
const CARGO = shippedCourse('cargo-container-control')
const editorUrl = (lang: string, module: string) => `/${lang}/studio/courses/${CARGO.slug}/modules/${module}`
const readerUrl = (lang: string, module: string) => `/${lang}/courses/${CARGO.slug}/modules/${module}`
const suffix = () => Math.random().toString(36).slice(2, 8)

/** A language's pane of the editor, by its heading. */
const pane = (page: Page, language: 'English' | 'Russian' | 'Английский' | 'Русский') =>
  page.locator('section.editor-pane').filter({ has: page.getByRole('heading', { level: 2, name: language }) })

/**
 * The body as the form will post it: the textarea CodeMirror keeps in step (CodeMirror itself draws only
 * the lines on screen).
 */
const bodyOf = (page: Page, lang: 'en' | 'ru') => page.locator(`#${lang}-body`)

/** Types at the end of a pane's CodeMirror body. */
async function appendToBody(section: Locator, text: string) {
  const body = section.locator('.cm-content')
  await body.click()
  await body.press('Control+End')
  await body.pressSequentially(text)
}

test('an instructor edits the English text, publishes it, and restores the old version', async ({ page, browser }) => {
  test.slow() // two people, four publishes
  const module = CARGO.module(4)
  const added = `Check the seal number against the manifest ${suffix()}.`
  await signInContext(page.context(), INSTRUCTOR)

  await page.goto(`/en/studio/courses/${CARGO.slug}`)
  await page.getByRole('link', { name: `Edit “${module.title.en}”` }).click()
  await expect(page).toHaveURL(editorUrl('en', module.slug))
  const english = pane(page, 'English')
  const russian = pane(page, 'Russian')
  await expect(english.locator('.cm-content')).toBeVisible() // CodeMirror took over the textarea
  await expect(russian.getByText('Up to date').first()).toBeVisible()
  // The text as it is, published as the version to come back to.
  await page.getByLabel('Note on this version (optional)').fill(`Baseline ${added}`)
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Published as version \d+\./ })).toBeVisible()
  const history = page.getByRole('region', { name: 'History' })
  const baseline = await history
    .getByRole('row')
    .filter({ hasText: `Baseline ${added}` })
    .getByRole('rowheader')
    .textContent()

  await appendToBody(english, `\n\n${added}`)
  await expect(english.getByRole('status')).toHaveText(/Draft saved at .+ UTC\./)
  // The live preview renders what learners will get.
  await expect(english.locator('.editor-preview .prose')).toContainText(added)

  // The Russian text is now out of date against the English, with the English words that changed.
  await page.reload()
  await expect(russian.getByText('Out of date')).toBeVisible()
  await expect(russian.getByText('The English text changed after this translation was last confirmed.')).toBeVisible()
  await russian.getByText('What changed in the English').click()
  await expect(russian.locator('.word-diff ins')).toContainText('manifest')

  // Learners still read the published text.
  const learnerContext = await browser.newContext()
  try {
    const learner = await createLearner('editor-reader', 'en')
    await signInContext(learnerContext, learner.email)
    const reader = await learnerContext.newPage()
    await enrol(reader.request, CARGO.slug)
    await reader.goto(readerUrl('en', module.slug))
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(module.title.en)
    await expect(reader.getByText(added)).toHaveCount(0)

    await page.getByLabel('Note on this version (optional)').fill('Seal number check added')
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: /Published as version \d+\./ })).toBeVisible()
    await expect(history.getByRole('row').nth(1)).toContainText('Seal number check added')

    await reader.reload()
    await expect(reader.getByText(added)).toBeVisible()
    await reader.goto(readerUrl('ru', module.slug))
    await expect(
      reader.getByRole('note').filter({ hasText: 'Текст модуля на английском языке обновлён' }),
    ).toBeVisible()

    // The baseline, compared, back into the draft and published: learners read the old text again.
    await page.getByRole('link', { name: `Compare version ${baseline} with the draft` }).click()
    const comparison = page.getByRole('region', { name: `Version ${baseline} compared with the draft` })
    await expect(comparison.locator('ins').filter({ hasText: 'manifest' })).toBeVisible()
    await page.getByRole('button', { name: `Restore version ${baseline} into the draft` }).click()
    await expect(page.getByRole('status').filter({ hasText: `Version ${baseline} restored` })).toBeVisible()
    await expect(bodyOf(page, 'en')).not.toHaveValue(new RegExp(added))
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: /Published as version \d+\./ })).toBeVisible()
    await reader.goto(readerUrl('en', module.slug))
    await expect(reader.getByText(added)).toHaveCount(0)
  } finally {
    await learnerContext.close()
  }
})

test('two authors at once: the second save is a conflict that keeps both texts', async ({ page, browser }) => {
  const module = CARGO.module(3)
  await signInContext(page.context(), INSTRUCTOR)
  const other = await browser.newContext()
  try {
    await signInContext(other, INSTRUCTOR)
    const second = await other.newPage()
    await Promise.all([page.goto(editorUrl('en', module.slug)), second.goto(editorUrl('en', module.slug))])
    await expect(pane(page, 'English').locator('.cm-content')).toBeVisible()
    await expect(pane(second, 'English').locator('.cm-content')).toBeVisible()

    const first = `First author ${suffix()}.`
    const mine = `Second author ${suffix()}.`
    await appendToBody(pane(page, 'English'), ` ${first}`)
    await expect(pane(page, 'English').getByRole('status')).toHaveText(/Draft saved at/)

    await appendToBody(pane(second, 'English'), ` ${mine}`)
    const conflict = pane(second, 'English').getByRole('alert')
    await expect(conflict).toContainText('saved the English text')
    // Nothing of the second author's is lost: still in the editor, the first author's text offered beside it.
    await expect(bodyOf(second, 'en')).toHaveValue(new RegExp(mine))
    await conflict.getByText('Show their text').click()
    await expect(conflict.locator('.conflict-text')).toContainText(first)

    await conflict.getByRole('button', { name: 'Save my text over theirs' }).click()
    await expect(pane(second, 'English').getByRole('status')).toHaveText(/Draft saved at/)
    await page.reload()
    await expect(bodyOf(page, 'en')).toHaveValue(new RegExp(mine))
    await expect(bodyOf(page, 'en')).not.toHaveValue(new RegExp(first))

    // Leaving with an unsaved edit asks first. Its autosave (1.2 s after the last key) is held back: on a
    // slow machine it once landed before the click, and then there was rightly nothing to ask about.
    await page.route(/\/draft$/, () => {})
    await appendToBody(pane(page, 'English'), ' unsaved')
    await page.getByRole('link', { name: 'All courses' }).click()
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Stay on this page' }).click()
    await expect(page).toHaveURL(editorUrl('en', module.slug))

    // The draft goes back to what learners read.
    await page.getByText('Discard the draft…').click()
    await page.getByRole('button', { name: 'Discard all unpublished changes' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Draft discarded' })).toBeVisible()
    await expect(bodyOf(page, 'en')).not.toHaveValue(new RegExp(mine))
  } finally {
    await other.close()
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a new module written in both languages with the plain form, refused with reasons, then published (ru)', async ({
    page,
  }) => {
    await signInContext(page.context(), INSTRUCTOR)
    const slug = `editor-course-${suffix()}`
    await page.goto('/ru/studio')
    await page.getByLabel('Адрес (slug)').fill(slug)
    await page.getByLabel('Название на английском').fill('Document checks')
    await page.getByLabel('Краткое описание на английском').fill('Checking documents at the border.')
    await page.getByLabel('Название на русском').fill('Проверка документов')
    await page.getByLabel('Краткое описание на русском').fill('Проверка документов на границе.')
    await page.getByRole('button', { name: 'Создать курс' }).click()
    await expect(page).toHaveURL(new RegExp(`/ru/studio/courses/${slug}`))

    const addModule = page.getByRole('region', { name: 'Модули' })
    await addModule.getByLabel('Адрес (slug)').fill('invoice-checks')
    await addModule.getByLabel('Название на английском').fill('Invoice checks')
    await addModule.getByLabel('Название на русском').fill('Проверка инвойсов')
    await addModule.getByLabel('Время чтения, минут').fill('10')
    await addModule.getByRole('button', { name: 'Добавить модуль' }).click()
    await page.getByRole('link', { name: 'Редактировать «Проверка инвойсов»' }).click()

    // Both languages on one page, plain textareas.
    const english = page.getByLabel('Текст на английском (Markdown)')
    const russian = page.getByLabel('Текст на русском (Markdown)')
    await english.fill(
      '## Learning objectives\n\nCompare the invoice with the declaration.\n\n<script>alert(1)</script>\n',
    )
    await russian.fill('## Цели обучения\n\nСверьте инвойс с декларацией.\n')
    await page.getByRole('button', { name: 'Опубликовать' }).click()
    // Refused, with the reason next to the English body; nothing is lost.
    await expect(page.getByRole('alert').filter({ hasText: 'Не сохранено: 1 замечание' })).toBeVisible()
    await expect(english).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText(/Строка 5: HTML не допускается/)).toBeVisible()
    await expect(russian).toHaveValue(/Сверьте инвойс с декларацией/)

    await english.fill('## Learning objectives\n\nCompare the invoice with the declaration.\n')
    await page.getByRole('button', { name: 'Опубликовать' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Опубликована версия 1.' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Проверка инвойсов')
    await expect(page.locator('.editor-preview .prose').first()).toContainText('Compare the invoice')
  })
})

for (const lang of ['en', 'ru'] as const) {
  test(`the module editor passes axe and fits a phone (${lang})`, async ({ page }) => {
    await signInContext(page.context(), INSTRUCTOR)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(editorUrl(lang, CARGO.module(2).slug))
    const tabs = page.getByRole('tablist')
    await waitForHydration(tabs)
    // On a phone one language at a time, chosen by its tab.
    const russianTab = tabs.getByRole('tab', { name: lang === 'en' ? 'Russian' : 'Русский' })
    await russianTab.click()
    await expect(russianTab).toHaveAttribute('aria-selected', 'true')
    await expect(page.locator('#ru-pane')).toBeVisible()
    await expect(page.locator('#en-pane')).toBeHidden()
    await expectNoSidewaysScroll(page, 390)
    expect(await seriousAxeViolations(page)).toEqual([])
  })
}
