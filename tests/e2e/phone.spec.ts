// A learner on a 390 × 844 phone, in Russian (ADR 035): a header that leaves the screen to the page, a
// menu that works with and without JavaScript, figures that open full size, wide tables that scroll in
// their own box with the first column kept in view, and scores with at most one decimal.
import type { Browser, Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import {
  ADMIN_EMAIL,
  createLearner,
  enrol,
  expectNoSidewaysScroll,
  seriousAxeViolations,
  waitForHydration,
} from './helpers'

const PHONE = { width: 390, height: 844 }
const MODULE = '/ru/courses/cargo-container-control/modules/container-identification'

test.use({ viewport: PHONE, locale: 'ru-RU' })

async function expectCompactHeader(page: Page) {
  const header = await page.locator('header.site-header').boundingBox()
  expect(header?.height ?? Infinity).toBeLessThanOrEqual(PHONE.height * 0.12)
  await expect(page.getByRole('navigation', { name: 'Основное меню' })).toBeHidden()
}

/** Opens the menu and follows "Курсы" in it; the sign-out and the language switch are in the menu too. */
async function navigateThroughMenu(page: Page) {
  const menu = page.locator('summary', { hasText: 'Меню' })
  await expect(menu).toBeVisible()
  await menu.click()
  const nav = page.getByRole('navigation', { name: 'Основное меню' })
  await expect(nav).toBeVisible()
  await expect(nav.getByRole('button', { name: 'Выйти' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'English' })).toBeVisible()
  const header = await page.locator('header.site-header').boundingBox()
  expect(header?.height ?? Infinity, 'the open menu lies over the page, the band stays short').toBeLessThanOrEqual(
    PHONE.height * 0.12,
  )
  await nav.getByRole('link', { name: 'Курсы' }).click()
  await expect(page).toHaveURL(/\/ru\/courses$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Курсы')
}

async function phoneContextWithoutScript(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'ru-RU', javaScriptEnabled: false })
  await signInContext(context, email)
  return context
}

test('the header is one short band; its menu opens and navigates, then closes', async ({ page, signIn }) => {
  const learner = await createLearner('phone-menu', 'ru')
  await signIn(learner.email)
  await page.goto('/ru')
  await waitForHydration(page.locator('details.site-menu'))
  await expectCompactHeader(page)
  await navigateThroughMenu(page)
  await expect(page.getByRole('navigation', { name: 'Основное меню' }), 'closed after navigating').toBeHidden()
})

test('the menu works without JavaScript too', async ({ browser }) => {
  const learner = await createLearner('phone-menu-nojs', 'ru')
  const context = await phoneContextWithoutScript(browser, learner.email)
  const page = await context.newPage()
  await page.goto('/ru')
  await expectCompactHeader(page)
  await navigateThroughMenu(page)
  await context.close()
})

test('a figure opens on its own, full size, and the page lets the reader zoom', async ({ page, signIn }) => {
  const learner = await createLearner('phone-figure', 'ru')
  await signIn(learner.email)
  await enrol(page.request, 'cargo-container-control')
  await page.goto(MODULE)
  expect(await seriousAxeViolations(page)).toEqual([])
  await expectNoSidewaysScroll(page, PHONE.width)
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content')
  expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/)
  const image = page.locator('figure img').first()
  // Width and height on the image: the text below keeps its place while the figure loads.
  expect(Number(await image.getAttribute('width'))).toBeGreaterThan(PHONE.width)
  expect(Number(await image.getAttribute('height'))).toBeGreaterThan(0)
  const shown = await image.boundingBox()
  expect(shown?.width ?? Infinity).toBeLessThanOrEqual(PHONE.width)
  await page.locator('figure a').first().click()
  // A Russian reader gets the figure drawn with Russian labels (issue 17).
  await expect(page).toHaveURL(/\/media\/courses\/cargo-container-control\/container-number-anatomy-ru\.svg/)
  const fullWidth = await page.evaluate(() => document.documentElement.getBoundingClientRect().width)
  expect(fullWidth, 'the image at its own size, wider than the phone: the reader pinches to read it').toBeGreaterThan(
    shown?.width ?? 0,
  )
})

test('a wide table scrolls inside its box and keeps its first column in view', async ({ page, signIn }) => {
  const learner = await createLearner('phone-table', 'ru')
  await signIn(learner.email)
  await enrol(page.request, 'cargo-container-control')
  await page.goto(MODULE)
  const boxes = page.locator('.prose .table-scroll')
  const wide = await boxes.evaluateAll((all) => all.findIndex((box) => box.scrollWidth > box.clientWidth + 8))
  expect(wide, 'the module has a table wider than the phone').toBeGreaterThanOrEqual(0)
  const box = boxes.nth(wide)
  await box.scrollIntoViewIfNeeded()
  const before = await box.boundingBox()
  const firstCell = box.locator('tbody tr').first().locator('td, th').first()
  const lastCell = box.locator('tbody tr').first().locator('td, th').last()
  await box.evaluate((element) => {
    element.scrollLeft = element.scrollWidth
  })
  await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0)
  const pageScroll = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(pageScroll, 'the page itself does not scroll sideways').toBeLessThanOrEqual(PHONE.width)
  const first = await firstCell.boundingBox()
  expect(first?.x ?? -1, 'the first column still shows after scrolling').toBeGreaterThanOrEqual((before?.x ?? 0) - 1)
  expect((first?.x ?? 0) + (first?.width ?? 0)).toBeLessThanOrEqual(PHONE.width)
  const last = await lastCell.boundingBox()
  expect((last?.x ?? Infinity) + (last?.width ?? 0)).toBeLessThanOrEqual((before?.x ?? 0) + (before?.width ?? 0) + 1)
})

test('scores show at most one decimal, with a decimal comma', async ({ page, signIn }) => {
  // The demo officers' final exams draw 15 questions, so their scores are fractions such as 93.333…
  await signIn('manager@demo.test')
  await page.goto('/ru/manage/matrix')
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ')
  const scores = [...text.matchAll(/(\d+(?:,\d+)?)\s?%/g)].map((match) => match[1] ?? '')
  expect(scores.length, 'the matrix shows final scores').toBeGreaterThan(0)
  expect(
    scores.some((score) => score.includes(',')),
    'some scores are fractions',
  ).toBe(true)
  for (const score of scores) expect(score).toMatch(/^\d+(,\d)?$/)
  // An officer's transcript: every attempt's score, the failed first tries included. Found by name: the
  // officers other tests invite join the same administration and can push him to a later page.
  await page.goto('/ru/manage/matrix?q=Sargsyan')
  await page.getByRole('link', { name: 'Tigran Sargsyan' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tigran Sargsyan')
  const transcript = (await page.locator('main').innerText()).replace(/\s+/g, ' ')
  const attempts = [...transcript.matchAll(/(\d+(?:,\d+)?)\s?%/g)].map((match) => match[1] ?? '')
  expect(attempts.length, 'the transcript shows scores').toBeGreaterThan(0)
  for (const score of attempts) expect(score).toMatch(/^\d+(,\d)?$/)
})

/** Every cell of the page's stacked tables in view, under its column's name; axe clean. */
async function expectStackedTables(page: Page, count: number) {
  await expectNoSidewaysScroll(page, PHONE.width)
  const tables = page.locator('table.table-stack')
  await expect(tables).toHaveCount(count)
  for (const table of await tables.all()) {
    const cells = await table.locator('tbody td[data-label]').evaluateAll((all) =>
      all.map((cell) => ({
        right: cell.getBoundingClientRect().right,
        label: getComputedStyle(cell, '::before').content,
        header: cell.closest('table')?.querySelectorAll('thead th')[(cell as HTMLTableCellElement).cellIndex]
          ?.textContent,
      })),
    )
    expect(cells.length).toBeGreaterThan(0)
    for (const cell of cells) {
      expect(cell.right, 'no cell waits to the right').toBeLessThanOrEqual(PHONE.width)
      expect(cell.label, "each cell shows its column's name").toBe(`"${cell.header}" / ""`)
    }
  }
  expect(await seriousAxeViolations(page)).toEqual([])
}

test("the studio's course page stacks its tables: every cell in view, under its column's name", async ({
  page,
  signIn,
}) => {
  await signIn('instructor@demo.test')
  await page.goto('/ru/studio/courses/cargo-container-control')
  await expectStackedTables(page, 3) // details, modules, editors
  // Still a table to assistive technology, whose cells are named by their text alone: the column's name
  // shown above each is for the eye (its header already says it).
  await expect(page.getByRole('cell', { name: 'Осмотр контейнера по семи точкам', exact: true })).toBeVisible()
})

test('the reminders list stacks too, each tick box beside the officer and course it selects', async ({
  page,
  signIn,
}) => {
  await signIn('manager@demo.test')
  await page.goto('/ru/manage/reminders?within=30')
  await expectStackedTables(page, 1)
  const row = page.locator('table.table-stack tbody tr').first()
  const box = await row.getByRole('checkbox').boundingBox()
  const officer = await row.locator('td[data-label]').first().boundingBox()
  expect(box?.width ?? 0, 'a box a thumb can hit').toBeGreaterThanOrEqual(24)
  expect(Math.abs((box?.y ?? 0) - (officer?.y ?? 999)), 'beside the officer, not above').toBeLessThan(24)
  expect(box?.x ?? 999).toBeLessThan(officer?.x ?? 0)
})

test('every table sits in a named box a keyboard can scroll', async ({ page, signIn }) => {
  const pages = [
    { user: 'manager@demo.test', path: '/ru/manage/officers' },
    { user: ADMIN_EMAIL, path: '/ru/admin/users' },
    { user: 'instructor@demo.test', path: '/ru/studio' },
  ]
  let scrolledByKeyboard = 0
  for (const { user, path } of pages) {
    await signIn(user)
    await page.goto(path)
    const tables = await page.locator('main table').evaluateAll((all) =>
      all.map((table) => {
        const box = table.parentElement
        return {
          role: box?.getAttribute('role'),
          focusable: box?.tabIndex === 0,
          name: document.getElementById(box?.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
          caption: table.querySelector('caption')?.textContent ?? null,
        }
      }),
    )
    expect(tables.length, `${path} has a table`).toBeGreaterThan(0)
    for (const table of tables) {
      expect(table, path).toMatchObject({ role: 'region', focusable: true, name: table.caption })
      expect(table.name.length, path).toBeGreaterThan(0)
    }
    // The widest of them scrolls with the arrow keys once focused.
    const box = page.locator('main [role=region]:has(> table)').first()
    if (await box.evaluate((element) => element.scrollWidth > element.clientWidth)) {
      await box.focus()
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => box.evaluate((element) => element.scrollLeft), path).toBeGreaterThan(0)
      scrolledByKeyboard += 1
    }
    expect(await seriousAxeViolations(page), path).toEqual([])
  }
  expect(scrolledByKeyboard, 'some table is wider than the phone').toBeGreaterThan(0)
})
