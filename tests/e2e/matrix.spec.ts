// Issue 16, the coordinator's completion matrix: first screen, filters, legend, sticky header and first
// column, the per-officer list on a phone, and axe in both languages at desktop and phone widths.
import { expect, test } from './fixtures'
import { expectNoSidewaysScroll, seriousAxeViolations, waitForHydration } from './helpers'

const MANAGER = 'manager@demo.test'

test('a coordinator reads the matrix on a desktop: rows on the first screen, legend, filters, sticky header', async ({
  page,
  signIn,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(MANAGER)
  await page.goto('/en/manage/matrix')
  const matrix = page.getByRole('region', { name: /Officers × courses/ })
  // Officer rows start on the first screen, under the per-course summary of the whole administration.
  const firstRow = matrix.locator('tbody tr[data-officer]').first()
  expect((await firstRow.boundingBox())!.y).toBeLessThan(768 - 40)
  await expect(matrix.locator('tr[data-summary] td[data-course], tr[data-summary] td').first()).toContainText(
    /completed|Nobody enrolled/,
  )

  // The legend names every status with its icon; a cell carries the same icon and words.
  const legend = page.getByRole('list', { name: 'What the cells mean' })
  await expect(legend.getByRole('listitem')).toHaveText([
    '– not enrolled',
    '○ not started: enrolled, no module completed yet',
    '◐ in progress: share of modules completed',
    '✓ completed: date and final score',
    '! overdue: past the due date, not completed',
  ])
  const completed = matrix.locator('td[data-status="completed"]').first()
  await expect(completed).toContainText(/^✓ Completed \w+ \d+, \d{4}/)

  // By unit: every row left is in that unit.
  const filters = page.getByRole('search', { name: 'Find officers' })
  await waitForHydration(filters)
  await filters.getByLabel('Unit or post').selectOption({ label: 'Zvartnots airport customs post' })
  await filters.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/unit=/)
  const rows = matrix.locator('tbody tr[data-officer]')
  // The address changes before the new rows arrive: wait (retrying) until no row of another unit is left.
  await expect(
    rows.locator('.matrix-officer__unit').filter({ hasNotText: 'Zvartnots airport customs post' }),
  ).toHaveCount(0)
  expect(await rows.count()).toBeGreaterThan(0)
  // By a course's status: only overdue officers in Cargo and Container Control, each shown as overdue.
  await filters.getByLabel('Unit or post').selectOption({ label: 'All units' })
  await filters.getByLabel('Course', { exact: true }).selectOption('cargo-container-control')
  await filters.getByLabel('Status in that course').selectOption('overdue')
  await filters.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/status=overdue/)
  const overdue = matrix.locator('td[data-course="cargo-container-control"]')
  await expect(matrix.locator('td[data-course="cargo-container-control"]:not([data-status="overdue"])')).toHaveCount(0)
  expect(await overdue.count()).toBeGreaterThan(0)
  await expect(overdue.first()).toContainText(/^! .*overdue since/)

  // The header row and the officers' column stay in view while the matrix scrolls.
  await page.goto('/en/manage/matrix')
  await page.setViewportSize({ width: 1366, height: 480 })
  await matrix.scrollIntoViewIfNeeded()
  await matrix.evaluate((box) => box.scrollTo({ top: box.scrollHeight, left: box.scrollWidth }))
  const box = (await matrix.boundingBox())!
  const heading = matrix.getByRole('columnheader', { name: 'Officer' })
  const officerCell = matrix.locator('tbody tr[data-officer]').last().getByRole('rowheader')
  await expect(heading).toBeInViewport()
  await expect(officerCell).toBeInViewport()
  expect(Math.abs((await heading.boundingBox())!.y - box.y)).toBeLessThan(3)
  expect(Math.abs((await officerCell.boundingBox())!.x - box.x)).toBeLessThan(3)
  expect(await matrix.evaluate((element) => element.scrollTop)).toBeGreaterThan(0)
})

test('on a phone the matrix is a list of officers, each with their courses', async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(MANAGER)
  await page.goto('/ru/manage/matrix')
  await expect(page.getByRole('region', { name: /Сотрудники × курсы/ })).toBeHidden()
  const list = page.getByRole('list', { name: /Сотрудники и их курсы · \d+ сотрудник/ })
  await expect(list).toBeVisible()
  const card = list.getByRole('listitem').first()
  await expect(card.getByRole('link')).toBeVisible()
  await expect(card.locator('dt')).toContainText(['Контроль грузов и контейнеров'])
  await expect(page.getByRole('heading', { name: 'Все сотрудники' })).toBeVisible()
  await expectNoSidewaysScroll(page, 390)
})

for (const lang of ['en', 'ru'] as const) {
  for (const width of [1366, 390]) {
    test(`the matrix has no serious axe findings (${lang}, ${width} px)`, async ({ page, signIn }) => {
      await page.setViewportSize({ width, height: width > 600 ? 768 : 844 })
      await signIn(MANAGER)
      await page.goto(`/${lang}/manage/matrix`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      expect(await seriousAxeViolations(page)).toEqual([])
    })
  }
}
