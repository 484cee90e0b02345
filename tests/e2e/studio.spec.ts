// The instructors' studio, first slice (issue 14): who sees it, the course list in both languages, and
// creating a course with its texts in both languages through the real form.
import type { Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import { ADMIN_EMAIL, expectNoSidewaysScroll, LEARNER_EMAIL, seriousAxeViolations, type Lang } from './helpers'

const INSTRUCTOR_EMAIL = 'instructor@demo.test'

const WORDS = {
  en: {
    nav: 'Studio',
    editor: 'Editor',
    published: 'Published',
    draft: 'Draft',
    complete: 'English: complete',
    aeo: 'Authorized Economic Operators (AEO)',
    slug: 'Address (slug)',
    title: (other: Lang) => `Title in ${other === 'en' ? 'English' : 'Russian'}`,
    summary: (other: Lang) => `Summary in ${other === 'en' ? 'English' : 'Russian'}`,
    validity: 'Certificate validity, months',
    passMark: 'Pass mark of the final exam, %',
    create: 'Create course',
    created: (slug: string) => `Course “${slug}” created as a draft.`,
    slugTaken: 'A course with this address already exists. Choose another.',
    titleRequired: 'Enter the title in this language.',
  },
  ru: {
    nav: 'Студия',
    editor: 'Редактор',
    published: 'Опубликован',
    draft: 'Черновик',
    complete: 'Русский: готово',
    aeo: 'Уполномоченные экономические операторы (УЭО)',
    slug: 'Адрес (slug)',
    title: (other: Lang) => `Название ${other === 'en' ? 'на английском' : 'на русском'}`,
    summary: (other: Lang) => `Краткое описание ${other === 'en' ? 'на английском' : 'на русском'}`,
    validity: 'Срок действия сертификата, месяцев',
    passMark: 'Проходной балл итогового экзамена, %',
    create: 'Создать курс',
    created: (slug: string) => `Курс «${slug}» создан как черновик.`,
    slugTaken: 'Курс с таким адресом уже есть. Выберите другой.',
    titleRequired: 'Введите название на этом языке.',
  },
} as const

const suffix = () => Math.random().toString(36).slice(2, 8)

async function fillCourse(page: Page, lang: Lang, slug: string) {
  const w = WORDS[lang]
  await page.getByLabel(w.slug).fill(slug)
  await page.getByLabel(w.title('en')).fill('Post-clearance audit')
  await page.getByLabel(w.summary('en')).fill('Checking declarations after the goods are released.')
  await page.getByLabel(w.title('ru')).fill('Таможенный контроль после выпуска товаров')
  await page.getByLabel(w.summary('ru')).fill('Проверка деклараций после выпуска товаров.')
  await page.getByLabel(w.validity).fill('36')
  await page.getByLabel(w.passMark).fill('80')
}

for (const lang of ['en', 'ru'] as const) {
  const w = WORDS[lang]

  test(`an instructor finds the studio and creates a course in both languages (${lang})`, async ({ page, signIn }) => {
    await signIn(INSTRUCTOR_EMAIL)
    await page.goto(`/${lang}`)
    await page
      .getByRole('navigation', { name: lang === 'en' ? 'Main' : 'Основное меню' })
      .getByRole('link', { name: w.nav })
      .click()
    await expect(page).toHaveURL(`/${lang}/studio`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.nav)
    const aeo = page.getByRole('row').filter({ has: page.getByRole('link', { name: w.aeo }) })
    await expect(aeo.getByRole('cell', { name: w.published, exact: true })).toBeVisible()
    await expect(aeo.getByRole('cell', { name: w.editor, exact: true })).toBeVisible()
    await expect(aeo.getByText(w.complete)).toBeVisible()

    // A missing Russian title is named on its field; nothing is created.
    const slug = `post-clearance-audit-${lang}-${suffix()}`
    await fillCourse(page, lang, slug)
    await page.getByLabel(w.title('ru')).fill('')
    await page.getByRole('button', { name: w.create }).click()
    await expect(page.getByLabel(w.title('ru'))).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText(w.titleRequired)).toBeVisible()

    await page.getByLabel(w.title('ru')).fill('Таможенный контроль после выпуска товаров')
    // Leaving the field clears its message and moves the button up: blur first, or the click misses it.
    await page.getByLabel(w.title('ru')).blur()
    await expect(page.getByText(w.titleRequired)).toHaveCount(0)
    await page.getByRole('button', { name: w.create }).click()
    await expect(page).toHaveURL(`/${lang}/studio/courses/${slug}?created=1`)
    await expect(page.getByRole('status')).toHaveText(w.created(slug))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      lang === 'en' ? 'Post-clearance audit' : 'Таможенный контроль после выпуска товаров',
    )
    await expect(page.getByRole('cell', { name: 'Checking declarations after the goods are released.' })).toBeVisible()
    await expect(page.getByRole('cell', { name: 'Проверка деклараций после выпуска товаров.' })).toBeVisible()
    await expect(page.getByRole('row', { name: 'Elena Marchenko' })).toBeVisible()
    // The draft's page, with its edit form, to its creator.
    expect(await seriousAxeViolations(page)).toEqual([])

    // The list shows the new draft; a second course with the same address is refused on its field.
    await page.goto(`/${lang}/studio`)
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /Post-clearance audit|после выпуска/ }) })
      .first()
    await expect(row.getByRole('cell', { name: w.draft, exact: true })).toBeVisible()
    await fillCourse(page, lang, slug)
    await page.getByRole('button', { name: w.create }).click()
    await expect(page.getByText(w.slugTaken)).toBeVisible()
    await expect(page.getByLabel(w.slug)).toHaveAttribute('aria-invalid', 'true')
  })
}

test('a learner gets the 404 page on the studio and no Studio link', async ({ page, signIn }) => {
  await signIn(LEARNER_EMAIL)
  for (const path of ['/en/studio', '/en/studio/courses/aeo', '/ru/studio']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена')
  await page.goto('/en')
  await expect(page.getByRole('link', { name: 'Studio' })).toHaveCount(0)
})

test('a visitor who is not signed in gets the 404 page too', async ({ page }) => {
  const response = await page.goto('/en/studio')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})

// The module list, on a course of its own (tests/fixtures/e2e-courses/studio-drill): archiving one of
// its modules for a moment must not pull it from under another test reading it.
test('an instructor adds a module in both languages, moves it, archives and restores another', async ({
  page,
  browser,
  signIn,
}) => {
  await signIn(INSTRUCTOR_EMAIL)
  await page.goto('/en/studio/courses/studio-drill')
  const slug = `seal-checks-${suffix()}`
  // The course's details form, above, has titles in both languages too.
  const addForm = page.getByRole('form', { name: 'Add a module' })
  await addForm.getByLabel('Address (slug)').fill(slug)
  await addForm.getByLabel('Title in English').fill('Checking seals')
  await addForm.getByLabel('Title in Russian').fill('Проверка пломб')
  await addForm.getByLabel('Reading time, minutes').fill('10')
  await addForm.getByRole('button', { name: 'Add module' }).click()
  await expect(page.getByRole('status')).toHaveText(
    `Module “${slug}” added. Write its text and publish it to show it to learners.`,
  )
  const added = page.getByRole('row').filter({ hasText: 'Checking seals' })
  await expect(added.getByRole('cell')).toHaveText([
    '3',
    'Checking seals',
    'Проверка пломб',
    'Not published yet',
    /Move up/,
  ])
  // Never published: nothing to restore, and learners do not see it.
  await expect(page.getByRole('button', { name: 'Restore “Checking seals”' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Move up: “Checking seals”' }).click()
  await expect(page.getByRole('status')).toHaveText(`Module “${slug}” moved.`)
  await expect(added.getByRole('cell').first()).toHaveText('2')
  await expect(page.getByRole('button', { name: 'Move up: “Inspection basics”' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Archive “Inspection records”' }).click()
  const records = page.getByRole('row').filter({ hasText: 'Inspection records' })
  await expect(records.getByRole('cell', { name: 'Archived', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Restore “Inspection records”' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Module “records” restored. Learners see it again, with the progress they had in it.',
  )
  await expect(records.getByRole('cell', { name: 'Current', exact: true })).toBeVisible()

  // The same buttons are plain forms: with JavaScript off, in Russian, the module goes back down.
  const context = await browser.newContext({ javaScriptEnabled: false })
  await signInContext(context, INSTRUCTOR_EMAIL)
  const plain = await context.newPage()
  await plain.goto('/ru/studio/courses/studio-drill')
  await plain.getByRole('button', { name: 'Ниже: «Проверка пломб»' }).click()
  await expect(plain.getByRole('status')).toHaveText(`Модуль «${slug}» перемещён.`)
  await expect(plain.getByRole('row').filter({ hasText: 'Проверка пломб' }).getByRole('cell').first()).toHaveText('3')
  await context.close()

  // The editor's page, with every row's buttons and the add form, in Russian.
  await page.goto('/ru/studio/courses/studio-drill')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Учебный курс студии (тестовый курс)')
  expect(await seriousAxeViolations(page)).toEqual([])
})

const STUDIO_PAGES = [
  { path: '/en/studio', heading: 'Studio', user: INSTRUCTOR_EMAIL },
  { path: '/ru/studio', heading: 'Студия', user: INSTRUCTOR_EMAIL },
  { path: '/en/studio/courses/aeo', heading: WORDS.en.aeo, user: ADMIN_EMAIL },
  { path: '/ru/studio/courses/aeo', heading: WORDS.ru.aeo, user: ADMIN_EMAIL },
  // As its editor: the module list's buttons and the add form.
  { path: '/ru/studio/courses/studio-drill', heading: 'Учебный курс студии (тестовый курс)', user: INSTRUCTOR_EMAIL },
  // The module editor with its published versions: its panes once grew to their longest line on a phone.
  {
    path: '/ru/studio/courses/cargo-container-control/modules/container-identification',
    heading: 'Идентификация контейнера: номер по ISO 6346 и контрольная цифра',
    user: INSTRUCTOR_EMAIL,
  },
]

test.describe('studio pages: no serious or critical accessibility problems', () => {
  for (const { path, heading, user } of STUDIO_PAGES) {
    test(`${path} as ${user}`, async ({ page, signIn }) => {
      await signIn(user)
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
      expect(await seriousAxeViolations(page)).toEqual([])
    })
  }
})

test.describe('studio pages on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  for (const { path, heading, user } of STUDIO_PAGES) {
    test(`${path} does not scroll sideways`, async ({ page, signIn }) => {
      await signIn(user)
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
      await expectNoSidewaysScroll(page, 360)
    })
  }
})
