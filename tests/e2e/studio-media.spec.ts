// The studio's media page (issue 14, ADR 023), on a course of its own (tests/fixtures/e2e-courses/
// media-drill): an instructor working in Russian uploads an SVG and a PNG with their alt texts and
// sees the Markdown to paste; an SVG with a script is refused in Russian; a figure pasted into a module
// and published shows its caption to a learner. Publishing has no browser form yet: the session broker
// publishes through the studio's own functions.
import { PNG } from 'pngjs'
import { E2E_SESSION_SOCKET } from '../support/e2e-address'
import { requestEnglishPublish } from '../support/session-client'
import { expect, signInContext, test } from './fixtures'
import { createLearner, enrol, expectNoSidewaysScroll, seriousAxeViolations, waitForHydration } from './helpers'

const INSTRUCTOR_EMAIL = 'instructor@demo.test'
const COURSE = 'media-drill'
const mediaPath = (lang: string) => `/${lang}/studio/courses/${COURSE}/media`

const suffix = () => Math.random().toString(36).slice(2, 8)
const SEAL_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60" width="240" height="120">' +
    '<title>Bolt seal</title><rect x="10" y="20" width="100" height="20" rx="4" fill="#1f5fa8"/></svg>',
)
const pngFile = () => {
  const image = new PNG({ width: 40, height: 20 })
  image.data.fill(0x80)
  return PNG.sync.write(image)
}

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
  await page.getByLabel('Файл', { exact: true }).setInputFiles({
    name: 'схема.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'),
  })
  await page.getByLabel('Альтернативный текст на английском').fill('A diagram')
  await page.getByLabel('Альтернативный текст на русском').fill('Схема')
  await page.getByRole('button', { name: 'Загрузить' }).click()
  await expect(page.getByText('В этом SVG есть скрипт')).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: /^skhema/ })).toHaveCount(0)

  // The SVG, named in Russian, with a caption in both languages.
  const svgName = `Болтовая пломба ${suffix()}`
  await page
    .getByLabel('Файл', { exact: true })
    .setInputFiles({ name: `${svgName}.svg`, mimeType: 'image/svg+xml', buffer: SEAL_SVG })
  await page.getByLabel('Альтернативный текст на английском').fill('A bolt seal: a steel pin locked in a barrel')
  await page
    .getByLabel('Альтернативный текст на русском')
    .fill('Болтовая пломба: стальной стержень, запертый в корпусе')
  await page.getByLabel('Подпись на английском (необязательно)').fill('Figure 1. Bolt seal')
  await page.getByLabel('Подпись на русском (необязательно)').fill('Рис. 1. Болтовая пломба')
  await page.getByRole('button', { name: 'Загрузить' }).click()
  const svgFile = `boltovaya-plomba-${svgName.split(' ').at(-1)}.svg`
  await expect(page.getByRole('status')).toHaveText(
    `Файл «${svgFile}» загружен. Вставьте его разметку Markdown в тексты модулей.`,
  )
  const svgCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: svgFile }) })
  await expect(
    svgCard.getByText(
      `![Болтовая пломба: стальной стержень, запертый в корпусе](../../media/${svgFile} "Рис. 1. Болтовая пломба")`,
    ),
  ).toBeVisible()
  await expect(
    svgCard.getByText(`![A bolt seal: a steel pin locked in a barrel](../../media/${svgFile} "Figure 1. Bolt seal")`),
  ).toBeVisible()
  await expect(
    svgCard.getByRole('img', { name: 'Болтовая пломба: стальной стержень, запертый в корпусе' }),
  ).toBeVisible()
  await expect(svgCard.getByText('Не используется ни в одном модуле.')).toBeVisible()

  // A PNG, with a name chosen on the form, and no caption.
  const pngName = `pechat-${suffix()}`
  await page
    .getByLabel('Файл', { exact: true })
    .setInputFiles({ name: 'IMG_0042.PNG', mimeType: 'image/png', buffer: pngFile() })
  await page.getByLabel('Имя в курсе (необязательно)').fill(pngName)
  await page.getByLabel('Альтернативный текст на английском').fill('A customs stamp on a declaration')
  await page.getByLabel('Альтернативный текст на русском').fill('Таможенный штамп на декларации')
  await page.getByRole('button', { name: 'Загрузить' }).click()
  await expect(page.getByRole('status')).toHaveText(
    `Файл «${pngName}.png» загружен. Вставьте его разметку Markdown в тексты модулей.`,
  )
  const pngCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: `${pngName}.png` }) })
  await expect(pngCard.getByText(`![Таможенный штамп на декларации](../../media/${pngName}.png)`)).toBeVisible()
  await expect(pngCard.getByText('PNG', { exact: true })).toBeVisible()

  // The same name again is refused: files are never replaced.
  await page
    .getByLabel('Файл', { exact: true })
    .setInputFiles({ name: 'again.png', mimeType: 'image/png', buffer: pngFile() })
  await page.getByLabel('Имя в курсе (необязательно)').fill(pngName)
  await page.getByLabel('Альтернативный текст на английском').fill('Again')
  await page.getByLabel('Альтернативный текст на русском').fill('Снова')
  await page.getByRole('button', { name: 'Загрузить' }).click()
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
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: `${name}.png`, mimeType: 'image/png', buffer: pngFile() })
  await page.getByLabel('Alt text in English').fill('A grey rectangle')
  await page.getByRole('button', { name: 'Upload' }).click()
  // Without JavaScript the server checks: the missing Russian alt text is named, and nothing is stored.
  await expect(page.getByText('Enter the alt text in this language.')).toBeVisible()
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: `${name}.png`, mimeType: 'image/png', buffer: pngFile() })
  await page.getByLabel('Alt text in English').fill('A grey rectangle')
  await page.getByLabel('Alt text in Russian').fill('Серый прямоугольник')
  await page.getByRole('button', { name: 'Upload' }).click()
  await expect(page.getByRole('status')).toHaveText(
    `“${name}.png” uploaded. Paste its Markdown into the module bodies.`,
  )
  await context.close()
})

test('a figure pasted into a module shows its caption to the learner', async ({ page, browser }) => {
  const context = await browser.newContext()
  await signInContext(context, INSTRUCTOR_EMAIL)
  const studio = await context.newPage()
  await studio.goto(mediaPath('en'))
  const name = `caption-${suffix()}`
  await studio
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: `${name}.svg`, mimeType: 'image/svg+xml', buffer: SEAL_SVG })
  await studio.getByLabel('Name in the course (optional)').fill(name)
  await studio.getByLabel('Alt text in English').fill('A bolt seal seen from the side')
  await studio.getByLabel('Alt text in Russian').fill('Болтовая пломба, вид сбоку')
  await studio.getByLabel('Caption in English (optional)').fill('Figure 2. A bolt seal')
  await studio.getByRole('button', { name: 'Upload' }).click()
  const card = studio
    .getByRole('listitem')
    .filter({ has: studio.getByRole('heading', { level: 3, name: `${name}.svg` }) })
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
