// The studio's media page (issue 14, ADR 023), on a course of its own (tests/fixtures/e2e-courses/
// media-drill): an instructor working in Russian uploads an SVG and a PNG with their alt texts and
// sees the Markdown to paste; an SVG with a script is refused in Russian; a figure pasted into a module
// and published shows its caption to a learner. Publishing has no browser form yet: the session broker
// publishes through the studio's own functions.
import type { Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { E2E_SESSION_SOCKET } from '../support/e2e-address'
import { requestEnglishPublish } from '../support/session-client'
import { expect, signInContext, test } from './fixtures'
import {
  createLearner,
  enrol,
  expectNoSidewaysScroll,
  seriousAxeViolations,
  waitForHydration,
  type Lang,
} from './helpers'

const INSTRUCTOR_EMAIL = 'instructor@demo.test'
const COURSE = 'media-drill'
const mediaPath = (lang: string) => `/${lang}/studio/courses/${COURSE}/media`

const suffix = () => Math.random().toString(36).slice(2, 8)
/** The server loads jsdom for the first SVG it checks: a few seconds on a busy machine. */
const FIRST_UPLOAD = { timeout: 20_000 }
const SEAL_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60" width="240" height="120">' +
    '<title>Bolt seal</title><rect x="10" y="20" width="100" height="20" rx="4" fill="#1f5fa8"/></svg>',
)
const pngFile = () => {
  const image = new PNG({ width: 40, height: 20 })
  image.data.fill(0x80)
  return PNG.sync.write(image)
}

const LABELS = {
  en: {
    file: 'File',
    name: 'Name in the course (optional)',
    alt: { en: 'Alt text in English', ru: 'Alt text in Russian' },
    caption: { en: 'Caption in English (optional)', ru: 'Caption in Russian (optional)' },
    upload: 'Upload',
  },
  ru: {
    file: 'Файл',
    name: 'Имя в курсе (необязательно)',
    alt: { en: 'Альтернативный текст на английском', ru: 'Альтернативный текст на русском' },
    caption: { en: 'Подпись на английском (необязательно)', ru: 'Подпись на русском (необязательно)' },
    upload: 'Загрузить',
  },
} as const

interface FilePayload {
  name: string
  mimeType: string
  buffer: Buffer
}

/** Fills the upload form in the page's language and sends it; texts left out are left empty. */
async function upload(
  page: Page,
  lang: Lang,
  form: {
    file: FilePayload
    name?: string
    alt: Partial<Record<Lang, string>>
    caption?: Partial<Record<Lang, string>>
  },
) {
  const labels = LABELS[lang]
  await page.getByLabel(labels.file, { exact: true }).setInputFiles(form.file)
  if (form.name) await page.getByLabel(labels.name).fill(form.name)
  for (const language of ['en', 'ru'] as const) {
    const alt = form.alt[language]
    const caption = form.caption?.[language]
    if (alt) await page.getByLabel(labels.alt[language]).fill(alt)
    if (caption) await page.getByLabel(labels.caption[language]).fill(caption)
  }
  await page.getByRole('button', { name: labels.upload }).click()
}

const fileCard = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) })

test('an instructor uploads an SVG and a PNG with their alt texts in Russian and gets their Markdown', async ({
  page,
  signIn,
}) => {
  await signIn(INSTRUCTOR_EMAIL)
  await page.goto(`/ru/studio/courses/${COURSE}`)
  await page.getByRole('link', { name: 'Открыть медиафайлы' }).click()
  await expect(page).toHaveURL(mediaPath('ru'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Медиафайлы')
  await waitForHydration(page.getByRole('button', { name: 'Загрузить' }))

  // An SVG with a script: refused, in Russian, on the file field; nothing is listed.
  const script = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
  await upload(page, 'ru', {
    file: { name: 'схема.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(script) },
    alt: { en: 'A diagram', ru: 'Схема' },
  })
  await expect(page.getByText('В этом SVG есть скрипт')).toBeVisible(FIRST_UPLOAD)
  await expect(page.getByRole('heading', { level: 3, name: /^skhema/ })).toHaveCount(0)

  // The SVG, named in Russian, with a caption in both languages.
  const id = suffix()
  await upload(page, 'ru', {
    file: { name: `Болтовая пломба ${id}.svg`, mimeType: 'image/svg+xml', buffer: SEAL_SVG },
    alt: { en: 'A bolt seal: a steel pin locked in a barrel', ru: 'Болтовая пломба: стальной стержень в корпусе' },
    caption: { en: 'Figure 1. Bolt seal', ru: 'Рис. 1. Болтовая пломба' },
  })
  const svgFile = `boltovaya-plomba-${id}.svg`
  await expect(page.getByRole('status')).toHaveText(
    `Файл «${svgFile}» загружен. Вставьте его разметку Markdown в тексты модулей.`,
  )
  const svgCard = fileCard(page, svgFile)
  const ruSnippet = `![Болтовая пломба: стальной стержень в корпусе](../../media/${svgFile} "Рис. 1. Болтовая пломба")`
  await expect(svgCard.getByText(ruSnippet)).toBeVisible()
  const enSnippet = `![A bolt seal: a steel pin locked in a barrel](../../media/${svgFile} "Figure 1. Bolt seal")`
  await expect(svgCard.getByText(enSnippet)).toBeVisible()
  await expect(svgCard.getByRole('img', { name: 'Болтовая пломба: стальной стержень в корпусе' })).toBeVisible()
  await expect(svgCard.getByText('Не используется ни в одном модуле.')).toBeVisible()

  // A PNG, with a name chosen on the form, and no caption; the form starts empty again after an upload.
  const pngName = `pechat-${suffix()}`
  await upload(page, 'ru', {
    file: { name: 'IMG_0042.PNG', mimeType: 'image/png', buffer: pngFile() },
    name: pngName,
    alt: { en: 'A customs stamp on a declaration', ru: 'Таможенный штамп на декларации' },
  })
  await expect(page.getByRole('status')).toHaveText(
    `Файл «${pngName}.png» загружен. Вставьте его разметку Markdown в тексты модулей.`,
  )
  const pngCard = fileCard(page, `${pngName}.png`)
  await expect(pngCard.getByText(`![Таможенный штамп на декларации](../../media/${pngName}.png)`)).toBeVisible()
  await expect(pngCard.getByText('PNG', { exact: true })).toBeVisible()

  // The same name again is refused: files are never replaced.
  await upload(page, 'ru', {
    file: { name: 'again.png', mimeType: 'image/png', buffer: pngFile() },
    name: pngName,
    alt: { en: 'Again', ru: 'Снова' },
  })
  await expect(page.getByText('В этом курсе уже есть файл с таким именем.')).toBeVisible()

  // An unused file is deleted by its own button.
  await pngCard.getByRole('button', { name: `Удалить «${pngName}.png»` }).click()
  await expect(page.getByRole('status')).toHaveText(`Файл «${pngName}.png» удалён.`)
  await expect(pngCard).toHaveCount(0)
})

test('the upload works without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  await signInContext(context, INSTRUCTOR_EMAIL)
  const page = await context.newPage()
  await page.goto(mediaPath('en'))
  const name = `plain-${suffix()}`
  const file = { name: `${name}.png`, mimeType: 'image/png', buffer: pngFile() }
  await upload(page, 'en', { file, alt: { en: 'A grey rectangle' } })
  // Without JavaScript the server checks: the missing Russian alt text is named, and nothing is stored.
  await expect(page.getByText('Enter the alt text in this language.')).toBeVisible()
  await upload(page, 'en', { file, alt: { en: 'A grey rectangle', ru: 'Серый прямоугольник' } })
  await expect(page.getByRole('status')).toHaveText(
    `“${name}.png” uploaded. Paste its Markdown into the module bodies.`,
  )
  await context.close()
})

// A body over the page's limit is refused before it is read (server/request-limits.ts), while the
// browser is still sending it: the browser must still show the refusal, not a broken connection.
test('a file far over the limit, sent without JavaScript, is answered in the page’s language', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  await signInContext(context, INSTRUCTOR_EMAIL)
  const page = await context.newPage()
  await page.goto(mediaPath('ru'))
  const huge = { name: 'scan.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024, 1) }
  const answered = page.waitForResponse((response) => response.request().method() === 'POST')
  await upload(page, 'ru', { file: huge, alt: { en: 'A scan', ru: 'Скан' } })
  expect((await answered).status()).toBe(413)
  await expect(page.locator('body')).toHaveText(
    'Отправлено больше данных, чем принимает эта страница. Если вы загружаете файл, выберите файл меньшего размера.',
  )
  await context.close()
})

test('a figure pasted into a module shows its caption to the learner', async ({ page, browser }) => {
  const context = await browser.newContext()
  await signInContext(context, INSTRUCTOR_EMAIL)
  const studio = await context.newPage()
  await studio.goto(mediaPath('en'))
  const name = `caption-${suffix()}`
  await upload(studio, 'en', {
    file: { name: `${name}.svg`, mimeType: 'image/svg+xml', buffer: SEAL_SVG },
    name,
    alt: { en: 'A bolt seal seen from the side', ru: 'Болтовая пломба, вид сбоку' },
    caption: { en: 'Figure 2. A bolt seal' },
  })
  const card = fileCard(studio, `${name}.svg`)
  await expect(card).toBeVisible(FIRST_UPLOAD)
  const snippet = (await card.locator('pre[lang="en"]').textContent()) ?? ''
  expect(snippet).toBe(`![A bolt seal seen from the side](../../media/${name}.svg "Figure 2. A bolt seal")`)
  await requestEnglishPublish(E2E_SESSION_SOCKET, {
    email: INSTRUCTOR_EMAIL,
    course: COURSE,
    module: 'seals',
    appendEnglish: snippet,
  })

  // The media page now names the module that uses it.
  await studio.reload()
  await expect(card.getByText('Seals on containers (published: English)')).toBeVisible()
  await context.close()

  const learner = await createLearner('media-caption')
  await signInContext(page.context(), learner.email)
  await enrol(page.request, COURSE)
  await page.goto(`/en/courses/${COURSE}/modules/seals`)
  const figure = page
    .locator('figure')
    .filter({ has: page.getByRole('img', { name: 'A bolt seal seen from the side' }) })
  await expect(figure.locator('figcaption')).toHaveText('Figure 2. A bolt seal')
  await expect
    .poll(() => figure.getByRole('img').evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0)
})

// The shipped AEO course has figures from its package: the pages show files, and the form to its editor.
test.describe('the media page: no serious or critical accessibility problems, no sideways scroll at 360 px', () => {
  for (const [lang, heading] of [
    ['en', 'Media files'],
    ['ru', 'Медиафайлы'],
  ] as const) {
    test(`/${lang}/studio/courses/aeo/media as its editor`, async ({ page, signIn }) => {
      await signIn(INSTRUCTOR_EMAIL)
      await page.goto(`/${lang}/studio/courses/aeo/media`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
      await expect(page.getByRole('heading', { level: 3, name: 'aeo-lifecycle.svg' })).toBeVisible()
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.setViewportSize({ width: 360, height: 740 })
      await expectNoSidewaysScroll(page, 360)
    })
  }

  test('/ru/studio/courses/aeo/media as an author who is not its editor', async ({ page, signIn }) => {
    await signIn('admin@demo.test')
    await page.goto('/ru/studio/courses/aeo/media')
    await expect(page.getByRole('heading', { level: 3, name: 'aeo-lifecycle.svg' })).toBeVisible()
    await expect(page.getByRole('button', { name: /Удалить|Загрузить/ })).toHaveCount(0)
    expect(await seriousAxeViolations(page)).toEqual([])
  })
})

test('a learner gets the 404 page on the media page', async ({ page, signIn }) => {
  await signIn('learner@demo.test')
  const response = await page.goto(mediaPath('en'))
  expect(response?.status()).toBe(404)
})
