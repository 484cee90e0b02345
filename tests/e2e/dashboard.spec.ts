// Issue 16, the coordinator's dashboard (ADR 032): a coordinator signs in and lands on it, reads the
// numbers in its tables, and follows the overdue link to the matrix filtered to exactly those officers;
// in English and Russian, at desktop and phone widths.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, expectNoSidewaysScroll, seriousAxeViolations, waitForHydration, type Lang } from './helpers'

const MANAGER = 'manager@demo.test'
const ADMINISTRATION = {
  en: 'State Revenue Committee of Armenia — Customs (demo)',
  ru: 'Комитет госдоходов Армении — таможня (демо)',
}
const WORDS = {
  en: {
    heading: 'Training overview: ',
    byCourse: 'Completion by course: officers enrolled, completed and overdue',
    overdueFigure: 'Overdue assignments',
    matrix: 'Completion matrix',
    officers: (count: number) => `${count} officer${count === 1 ? '' : 's'}`,
    officersLink: 'Officers: list, invitations, assignments',
    officersHeading: 'Officers of ',
  },
  ru: {
    heading: 'Обзор обучения: ',
    byCourse: 'Прохождение по курсам: записано, прошли, просрочено',
    overdueFigure: 'Просроченные назначения',
    matrix: 'Сводная таблица обучения',
    officers: (count: number) => `${count} сотрудник`,
    officersLink: 'Сотрудники: список, приглашения, назначения',
    officersHeading: 'Сотрудники: ',
  },
} as const

async function followOverdueLink(page: Page, lang: Lang) {
  const words = WORDS[lang]
  const table = page.getByRole('region', { name: words.byCourse })
  await expect(table.locator('tbody tr')).not.toHaveCount(0)
  // The overdue figure is the sum of the table's overdue column.
  const overdueCells = await table.locator('td[data-count="overdue"]').allTextContents()
  const overdue = overdueCells.reduce((sum, text) => sum + Number(text), 0)
  expect(overdue, 'the demo has overdue assignments').toBeGreaterThan(0)
  await expect(page.locator('[data-figure="overdue"] .figure__value')).toHaveText(String(overdue))
  // A course's row: completed of enrolled, and its overdue count linking to the matrix.
  const row = table
    .locator('tbody tr')
    .filter({ has: page.locator('td[data-count="overdue"] a') })
    .first()
  const course = (await row.getAttribute('data-course')) ?? ''
  const enrolled = Number(await row.locator('td[data-count="enrolled"]').textContent())
  const completed = Number(await row.locator('td[data-count="completed"]').textContent())
  await expect(row.locator('td[data-count="share"]')).toHaveText(String(Math.round((completed * 100) / enrolled)))
  const count = Number(await row.locator('td[data-count="overdue"]').textContent())

  await waitForHydration(row.locator('a'))
  await row.locator('td[data-count="overdue"] a').click()
  await expect(page).toHaveURL(new RegExp(`/${lang}/manage/matrix\\?.*course=${course}&status=overdue`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.matrix)
  // The matrix finds exactly as many officers, every one of them overdue in that course.
  const matrix = page.getByRole('region', { name: new RegExp(`· ${count} `) })
  await expect(matrix).toBeVisible()
  await expect(matrix.locator(`td[data-course="${course}"]:not([data-status="overdue"])`)).toHaveCount(0)
  return { course, count }
}

test('a coordinator signs in, lands on the dashboard and follows the overdue link to the matrix (en)', async ({
  page,
}) => {
  test.slow() // a sign-in through the form and three pages, on a machine that may be busy
  await page.goto('/en/login')
  await page.getByLabel('Email', { exact: true }).fill(MANAGER)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  // Password hashing and the dashboard's aggregates: allow a busy machine more than the usual 5 s.
  await expect(page).toHaveURL('/en/manage', { timeout: 20_000 })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${WORDS.en.heading}${ADMINISTRATION.en}`)
  const officers = page.locator('[data-figure="officers"]')
  await expect(officers).toContainText(/\d+ active, \d+ invited/)
  await expect(page.getByRole('heading', { name: 'Units ranked by completion' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Due in the next 30 days' })).toBeVisible()
  const { count } = await followOverdueLink(page, 'en')
  expect(count).toBeGreaterThan(0)

  // Back on the dashboard, the officer list is one link away.
  await page.goBack()
  await page.getByRole('link', { name: WORDS.en.officersLink }).click()
  await expect(page).toHaveURL(/\/en\/manage\/officers\?administration=DEMO-AM$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${WORDS.en.officersHeading}${ADMINISTRATION.en}`)
})

test('the dashboard in Russian: the same numbers, the overdue link to the matrix', async ({ page, signIn }) => {
  await signIn(MANAGER)
  await page.goto('/en/manage')
  const english = await page.locator('td[data-count]').allTextContents()
  await page.goto('/ru/manage')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${WORDS.ru.heading}${ADMINISTRATION.ru}`)
  expect(await page.locator('td[data-count]').allTextContents()).toEqual(english)
  await expect(page.locator('[data-figure="officers"]')).toContainText(/активных — \d+, приглашённых/)
  await expect(page.getByRole('heading', { name: /^Срок истекает в ближайшие 30 дней$/ })).toBeVisible()
  await followOverdueLink(page, 'ru')
})

test('an admin chooses an administration and gets its dashboard', async ({ page, signIn }) => {
  await signIn('admin@demo.test')
  await page.goto('/en/manage')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose an administration')
  await page.locator('tr[data-administration="DEMO-AM"]').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${WORDS.en.heading}${ADMINISTRATION.en}`)
  await expect(page.getByRole('region', { name: WORDS.en.byCourse })).toBeVisible()
})

test('a coordinator cannot open another administration’s dashboard, a learner no dashboard', async ({
  page,
  signIn,
}) => {
  await signIn(MANAGER)
  expect((await page.goto('/en/manage?administration=DEMO-GE'))?.status()).toBe(404)
  await signIn('learner@demo.test')
  expect((await page.goto('/en/manage'))?.status()).toBe(404)
})

for (const lang of ['en', 'ru'] as const) {
  test(`on a phone (390 px, ${lang}) nothing scrolls sideways and axe finds nothing serious`, async ({
    page,
    signIn,
  }) => {
    test.slow() // axe over four tables takes long on a busy machine
    await page.setViewportSize({ width: 390, height: 844 })
    await signIn(MANAGER)
    await page.goto(`/${lang}/manage`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${WORDS[lang].heading}${ADMINISTRATION[lang]}`)
    await expectNoSidewaysScroll(page, 390)
    // The bars scale down with the page instead of overflowing it.
    const chart = page.locator('.chart__svg').first()
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(390)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: test.info().outputPath(`dashboard-${lang}-390.png`), fullPage: true })
  })
}
