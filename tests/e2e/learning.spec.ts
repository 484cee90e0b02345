import type { Locator, Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import {
  LEARNER_EMAIL,
  LEARNER_RU_EMAIL,
  TEXT as COMMON,
  createLearner,
  enrol,
  logout,
  seriousAxeViolations,
  shippedCourse,
  submitLogin,
  type Lang,
  type TestUser,
  SAME_ORIGIN,
} from './helpers'

/** The learning pages' texts, as a reader of each language sees them. */
const TEXT = {
  en: {
    courses: 'Courses',
    myLearning: 'My learning',
    facts: ['Category', 'Estimated time', 'Your status'],
    notEnrolled: 'Not enrolled',
    inProgress: 'In progress',
    enrol: 'Enrol in this course',
    markComplete: 'Mark as complete',
    continue: 'Continue',
    progress: 'Course progress',
    summary: (completed: number, total: number) =>
      `${completed} of ${total} modules completed (${Math.floor((completed * 100) / total)}%)`,
    justCompleted: (module: string) => `“${module}” is marked as complete.`,
    objectives: 'Learning objectives',
    enrolToRead: 'Enrol to read this module',
    moduleCompleted: 'Completed',
    language: 'Language',
    languageName: 'English',
  },
  ru: {
    courses: 'Курсы',
    myLearning: 'Моё обучение',
    facts: ['Направление', 'Примерное время изучения', 'Ваш статус'],
    notEnrolled: 'Не записаны',
    inProgress: 'В процессе',
    enrol: 'Записаться на курс',
    markComplete: 'Отметить как пройденный',
    continue: 'Продолжить',
    progress: 'Прогресс по курсу',
    summary: (completed: number, total: number) =>
      `Пройдено модулей: ${completed} из ${total} (${Math.floor((completed * 100) / total)}%)`,
    justCompleted: (module: string) => `Модуль «${module}» отмечен как пройденный.`,
    objectives: 'Цели обучения',
    enrolToRead: 'Запишитесь на курс, чтобы открыть модуль',
    moduleCompleted: 'Пройден',
    language: 'Язык',
    languageName: 'Русский',
  },
} as const

const AEO = shippedCourse('aeo')
const SINGLE_WINDOW = shippedCourse('single-window')
const CARGO = shippedCourse('cargo-container-control')

/** The progress bar and the same figures in words, wherever the page shows them. */
async function expectProgress(scope: Page | Locator, lang: Lang, completed: number, total: number) {
  const bar = scope.getByRole('progressbar', { name: TEXT[lang].progress })
  await expect(bar).toHaveAttribute('value', String(Math.floor((completed * 100) / total)))
  await expect(scope.getByText(TEXT[lang].summary(completed, total), { exact: true })).toBeVisible()
}

/** The module's own text, as an enrolled learner reads it. */
async function expectModuleText(page: Page, lang: Lang, title: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  await expect(page.getByRole('heading', { level: 2, name: TEXT[lang].objectives })).toBeVisible()
  // The text is in the page's language, not a fallback in the other one.
  await expect(page.getByRole('note')).toHaveCount(0)
}

/** A card in a course list (catalogue or My learning), found by the course's title. */
function courseCard(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
}

/** A fresh learner, signed in on this page's browser context. */
async function freshLearner(page: Page, purpose: string): Promise<TestUser> {
  const user = await createLearner(purpose)
  await signInContext(page.context(), user.email)
  return user
}

// The two demo learners are used by these journeys only (other specs merely log them in and out),
// and each takes a different course, so the journeys can run side by side.
const JOURNEYS = [
  {
    lang: 'ru',
    email: LEARNER_RU_EMAIL,
    course: AEO,
    category: 'Упрощение процедур торговли',
    duration: '2 ч 50 мин · 6 модулей',
  },
  {
    lang: 'en',
    email: LEARNER_EMAIL,
    course: SINGLE_WINDOW,
    category: 'Digital customs',
    duration: '2 h 50 min · 6 modules',
  },
] as const

for (const { lang, email, course, category, duration } of JOURNEYS) {
  test(`${email} completes two ${course.slug} modules in /${lang} and continues at the third after logging in again`, async ({
    page,
    signIn,
  }) => {
    const t = TEXT[lang]
    const first = course.module(1).title[lang]
    const second = course.module(2).title[lang]
    const third = course.module(3).title[lang]
    await signIn(email)
    await page.goto(`/${lang}`)

    await page.getByRole('navigation', { name: COMMON[lang].mainNav }).getByRole('link', { name: t.courses }).click()
    await expect(page).toHaveURL(`/${lang}/courses`)
    const card = courseCard(page, course.title[lang])
    await expect(card.getByRole('term')).toHaveText(t.facts)
    await expect(card.getByRole('definition')).toHaveText([category, duration, t.notEnrolled])
    await expect(card.getByRole('progressbar')).toHaveCount(0)

    await card.getByRole('link', { name: course.title[lang] }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(course.title[lang])
    await page.getByRole('button', { name: t.enrol }).click()

    await expect(page).toHaveURL(`/${lang}/courses/${course.slug}/modules/${course.module(1).slug}`)
    await expectModuleText(page, lang, first)
    await expectProgress(page, lang, 0, course.modules.length)
    await page.getByRole('button', { name: t.markComplete }).click()

    await expect(page.getByRole('status')).toHaveText(t.justCompleted(first))
    await expectModuleText(page, lang, second)
    await expectProgress(page, lang, 1, course.modules.length)
    await page.getByRole('button', { name: t.markComplete }).click()

    await expect(page.getByRole('status')).toHaveText(t.justCompleted(second))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(third)
    await expectProgress(page, lang, 2, course.modules.length)

    await logout(page, lang)
    await signIn(email)
    await page.goto(`/${lang}`)
    await page.getByRole('navigation', { name: COMMON[lang].mainNav }).getByRole('link', { name: t.myLearning }).click()
    await expect(page).toHaveURL(`/${lang}/me`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.myLearning)
    const mine = courseCard(page, course.title[lang])
    await expectProgress(mine, lang, 2, course.modules.length)
    await mine.getByRole('link', { name: t.continue, exact: true }).click()

    await expect(page).toHaveURL(`/${lang}/courses/${course.slug}/modules/${course.module(3).slug}`)
    await expectModuleText(page, lang, third)
    await expectProgress(page, lang, 2, course.modules.length)

    await page.goto(`/${lang}/courses`)
    await expect(courseCard(page, course.title[lang]).getByRole('definition').last()).toHaveText(t.inProgress)
    await expectProgress(courseCard(page, course.title[lang]), lang, 2, course.modules.length)
  })
}

test('progress made in English is the same after switching the page to Russian', async ({ page }) => {
  await freshLearner(page, 'language-switch')
  await page.goto(`/en/courses/${AEO.slug}`)
  await page.getByRole('button', { name: TEXT.en.enrol }).click()
  await page.getByRole('button', { name: TEXT.en.markComplete }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AEO.module(2).title.en)
  await expectProgress(page, 'en', 1, AEO.modules.length)

  await page
    .getByRole('navigation', { name: TEXT.en.language })
    .getByRole('link', { name: TEXT.ru.languageName })
    .click()
  await expect(page).toHaveURL(`/ru/courses/${AEO.slug}/modules/${AEO.module(2).slug}?completed=${AEO.module(1).slug}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByRole('status')).toHaveText(TEXT.ru.justCompleted(AEO.module(1).title.ru))
  await expectModuleText(page, 'ru', AEO.module(2).title.ru)
  await expectProgress(page, 'ru', 1, AEO.modules.length)

  await page.getByRole('link', { name: AEO.title.ru, exact: true }).click()
  await expect(page).toHaveURL(`/ru/courses/${AEO.slug}`)
  await expectProgress(page, 'ru', 1, AEO.modules.length)
  const firstModule = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: AEO.module(1).title.ru }) })
  await expect(firstModule).toContainText(`· ${TEXT.ru.moduleCompleted}`)
})

test.describe('a module page', () => {
  test('shows a learner who is not enrolled the enrol form instead of the text', async ({ page }) => {
    await freshLearner(page, 'not-enrolled')
    const module = SINGLE_WINDOW.module(3)
    await page.goto(`/en/courses/${SINGLE_WINDOW.slug}/modules/${module.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(module.title.en)
    await expect(page.getByRole('heading', { level: 2, name: TEXT.en.enrolToRead })).toBeVisible()
    await expect(page.getByRole('heading', { name: TEXT.en.objectives })).toHaveCount(0)
    await expect(page.getByRole('button', { name: TEXT.en.markComplete })).toHaveCount(0)

    await page.getByRole('button', { name: TEXT.en.enrol }).click()
    await expect(page).toHaveURL(`/en/courses/${SINGLE_WINDOW.slug}/modules/${module.slug}`)
    await expectModuleText(page, 'en', module.title.en)
    await expect(page.getByRole('button', { name: TEXT.en.markComplete })).toBeVisible()
    await expectProgress(page, 'en', 0, SINGLE_WINDOW.modules.length)
  })

  test('sends an anonymous visitor to log in and back to the module', async ({ page }) => {
    const user = await createLearner('module-redirect')
    const path = `/ru/courses/${AEO.slug}/modules/${AEO.module(2).slug}`
    await page.goto(path)
    await expect(page).toHaveURL(`/ru/login?redirectTo=${encodeURIComponent(path)}`)

    await submitLogin(page, user.email, 'ru', user.password)
    await expect(page).toHaveURL(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(AEO.module(2).title.ru)
    await expect(page.getByRole('button', { name: TEXT.ru.enrol })).toBeVisible()
  })

  test('says in Russian what was wrong with an unknown module or a form it does not know', async ({ page }) => {
    await freshLearner(page, 'bad-input')
    const missing = await page.goto(`/ru/courses/${AEO.slug}/modules/no-such-module`)
    expect(missing?.status()).toBe(404)
    await expect(page.getByText('В этом курсе нет такого модуля.')).toBeVisible()

    const posted = await page.request.post(`/ru/courses/${AEO.slug}`, {
      form: { intent: 'publish', score: '100' },
      headers: SAME_ORIGIN,
      maxRedirects: 0,
    })
    expect(posted.status()).toBe(400)
    const body = await posted.text()
    expect(body).toContain('Форма не распознана.')
    expect(body).not.toMatch(/at \w+ \(|node_modules/)
  })

  for (const course of [AEO, SINGLE_WINDOW, CARGO]) {
    for (const lang of ['en', 'ru'] as const) {
      test(`in ${course.slug} has no script and no event handler attribute in the /${lang} text`, async ({ page }) => {
        await freshLearner(page, 'prose-security')
        await enrol(page.request, course.slug)
        for (const module of course.modules) {
          await page.goto(`/${lang}/courses/${course.slug}/modules/${module.slug}`)
          const prose = page.locator('.prose')
          await expect(prose, module.slug).toBeVisible()
          const found = await prose.evaluate((element) => ({
            scripts: element.querySelectorAll('script').length,
            handlers: [...element.querySelectorAll('*')].flatMap((node) =>
              node.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
            ),
          }))
          expect(found, module.slug).toEqual({ scripts: 0, handlers: [] })
        }
      })
    }
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a learner enrols and marks a module complete with plain forms', async ({ page }) => {
    await freshLearner(page, 'no-js')
    await page.goto(`/en/courses/${CARGO.slug}`)
    await page.getByRole('button', { name: TEXT.en.enrol }).click()
    await expect(page).toHaveURL(`/en/courses/${CARGO.slug}/modules/${CARGO.module(1).slug}`)
    await expectModuleText(page, 'en', CARGO.module(1).title.en)

    await page.getByRole('button', { name: TEXT.en.markComplete }).click()
    await expect(page).toHaveURL(
      `/en/courses/${CARGO.slug}/modules/${CARGO.module(2).slug}?completed=${CARGO.module(1).slug}`,
    )
    await expect(page.getByRole('status')).toHaveText(TEXT.en.justCompleted(CARGO.module(1).title.en))
    await expectProgress(page, 'en', 1, CARGO.modules.length)
  })
})

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('a module with a table and a figure does not scroll sideways', async ({ page }) => {
    await freshLearner(page, 'phone')
    await enrol(page.request, CARGO.slug)
    const module = CARGO.module(1)
    await page.goto(`/en/courses/${CARGO.slug}/modules/${module.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(module.title.en)
    await expect(page.getByRole('table').first()).toBeAttached()

    const { width, scrollWidth } = await page.evaluate(() => ({
      width: document.scrollingElement?.clientWidth ?? 0,
      scrollWidth: document.scrollingElement?.scrollWidth ?? Infinity,
    }))
    expect(width).toBeGreaterThan(300)
    expect(scrollWidth).toBeLessThanOrEqual(width + 1)

    const image = page.getByRole('figure').getByRole('img')
    await image.scrollIntoViewIfNeeded()
    await expect(image).toBeVisible()
    expect((await image.getAttribute('alt'))?.trim()).toBeTruthy()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  })
})

test.describe('no serious or critical accessibility problems', () => {
  const module = CARGO.module(1)
  const PAGES = [
    { name: 'the catalogue', path: '/courses', heading: { en: TEXT.en.courses, ru: TEXT.ru.courses } },
    { name: 'a course page', path: `/courses/${CARGO.slug}`, heading: CARGO.title },
    { name: 'a module page', path: `/courses/${CARGO.slug}/modules/${module.slug}`, heading: module.title },
  ]

  for (const lang of ['en', 'ru'] as const) {
    for (const { name, path, heading } of PAGES) {
      test(`${name} in ${lang}, for an enrolled learner`, async ({ page }) => {
        await freshLearner(page, 'a11y')
        await enrol(page.request, CARGO.slug)
        await page.goto(`/${lang}${path}`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading[lang])
        expect(await seriousAxeViolations(page)).toEqual([])
      })
    }
  }
})
