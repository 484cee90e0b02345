import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { expect, signInContext, test } from './fixtures'
import { BASE_URL, seriousAxeViolations } from './helpers'

test('a training coordinator invites an officer, who sets a password from the link and is signed in', async ({
  page,
  browser,
  signIn,
}) => {
  test.slow() // one officer's whole journey, from invitation to transcript, with two browsers
  const email = `invited-${randomUUID().slice(0, 8)}@e2e.test`
  await signIn('manager@demo.test')
  await page.goto('/en')
  await page.getByRole('link', { name: 'My officers' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Training overview')
  await page.getByRole('link', { name: 'Officers: list, invitations, assignments' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Officers of')

  const invite = page.getByRole('region', { name: 'Invite an officer' })
  await invite.getByLabel('E-mail').fill(email)
  await invite.getByLabel('Full name').fill('Гаяне Саргсян')
  await invite.getByLabel('Unit or post').selectOption({ label: 'Bagratashen road border crossing' })
  await invite.getByLabel('Language of the platform').selectOption('ru')
  await invite.getByRole('button', { name: 'Create the invitation' }).click()
  const link = (await page.locator('.invitation-link').textContent()) ?? ''
  expect(link).toMatch(new RegExp(`^${BASE_URL}/ru/invitations/[a-z2-7]{32}$`))

  // The officer is listed as invited, in their unit (found by address: the officers other tests invite
  // fill the first pages of the list).
  await page.goto(`/en/manage/officers?q=${encodeURIComponent(email)}`)
  const row = page.locator(`tr[data-officer="${email}"]`)
  await expect(row).toContainText('Invited')
  await expect(row).toContainText('Bagratashen road border crossing')

  // Without JavaScript: the plain form must work too (a native POST carries the page's own Origin).
  const officer = await browser.newContext({ javaScriptEnabled: false })
  const officerPage = await officer.newPage()
  await officerPage.goto(link)
  await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('Добро пожаловать, Гаяне Саргсян')
  await officerPage.getByLabel('Новый пароль').fill('a-long-new-password')
  await officerPage.getByLabel('Повторите пароль').fill('a-long-new-password')
  await officerPage.getByRole('button', { name: 'Сохранить пароль и войти' }).click()
  await expect(officerPage).toHaveURL(`${BASE_URL}/ru/me`)

  // The coordinator finds the officer (the demo officers fill more than one page) and assigns a course
  // with a due date; the officer sees it on My learning.
  await page.getByLabel('Name or e-mail').fill(email)
  await page.getByRole('button', { name: 'Show' }).click()
  await page.getByRole('checkbox', { name: 'Select Гаяне Саргсян' }).check()
  const assign = page.getByRole('region', { name: 'Assign a course' })
  await assign.getByLabel('Course').selectOption('cargo-container-control')
  await assign.getByLabel('Due date').fill('2030-06-30')
  await assign.getByRole('button', { name: 'Assign' }).click()
  await expect(page.getByRole('status')).toHaveText('The course is assigned to 1 officer.')
  await officerPage.reload()
  const assigned = officerPage.locator('[data-course="cargo-container-control"]')
  await expect(assigned).toContainText('Срок — до 30 июня 2030 г.')
  await expect(assigned).toContainText('Назначен координатором обучения')

  // The matrix shows the officer "not started", and still so once a module is only opened: progress
  // counts completed modules, so there is no "in progress, 0 %" (ADR 031).
  await page.getByRole('link', { name: 'Completion matrix' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Completion matrix')
  await page.getByLabel('Name or e-mail').fill(email)
  await page.getByRole('button', { name: 'Show' }).click()
  const cell = page.locator(`tr[data-officer="${email}"] td[data-course="cargo-container-control"]`)
  await expect(cell).toHaveText('○ Not started due June 30, 2030')
  await officerPage.goto('/ru/courses/cargo-container-control')
  await officerPage.getByRole('link', { name: 'Начать обучение' }).click()
  await page.reload()
  await expect(cell).toHaveAttribute('data-state', 'not-started')

  // Both downloads hold the same row, headings in the coordinator's language.
  const csv = await page.request.get(
    (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '',
  )
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
  expect(csv.headers()['content-disposition']).toMatch(
    /attachment; filename="completion-matrix-demo-am-\d{4}-\d{2}-\d{2}\.csv"/,
  )
  const text = await csv.text()
  expect(text.split('\r\n')[0]).toContain('Officer,E-mail,Unit')
  expect(text).toContain(`Гаяне Саргсян,${email},Bagratashen road border crossing`)
  const xlsx = await page.request.get(
    (await page.getByRole('link', { name: 'Download XLSX' }).getAttribute('href')) ?? '',
  )
  expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(new Uint8Array(await xlsx.body()).buffer)
  const sheet = workbook.worksheets[0]!
  expect(sheet.getRow(1).getCell(1).value).toBe('Officer')
  expect(sheet.getRow(2).getCell(2).value).toBe(email)
  const cargoStatus = (sheet.getRow(1).values as unknown[]).indexOf('Cargo and Container Control: status code')
  expect(sheet.getRow(2).getCell(cargoStatus).value).toBe('not-started')
  // Filtered by the course's status: "completed" leaves the officer out, "not started" finds them.
  const statusFilter = page.getByRole('combobox', { name: 'Status in that course' })
  await page.getByRole('combobox', { name: 'Course', exact: true }).selectOption('cargo-container-control')
  await statusFilter.selectOption('completed')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByText('Officers × courses · 0 officers')).toBeVisible()
  await statusFilter.selectOption('not-started')
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(cell).toHaveAttribute('data-state', 'not-started')
  // A course's heading sorts by progress in it; again, the other way round.
  const heading = page.getByRole('columnheader', { name: /Cargo and Container Control/ })
  await heading.getByRole('link').click()
  await expect(heading).toHaveAttribute('aria-sort', 'ascending')
  await heading.getByRole('link').click()
  await expect(heading).toHaveAttribute('aria-sort', 'descending')

  // The officer's transcript: the course, its modules, and the same as CSV.
  await page.getByRole('link', { name: 'Гаяне Саргсян' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Гаяне Саргсян')
  const course = page.locator('section[data-course="cargo-container-control"]')
  await expect(course.getByRole('heading', { level: 2 })).toHaveText('Cargo and Container Control')
  await expect(course).toContainText('Not started')
  await expect(course.getByRole('row').nth(1)).toContainText('Opened')
  expect(await seriousAxeViolations(page)).toEqual([])
  const transcript = await page.request.get(
    (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '',
  )
  expect(transcript.headers()['content-disposition']).toMatch(/filename="transcript-demo-am-invited-/)
  const transcriptLines = (await transcript.text()).split('\r\n')
  expect(transcriptLines[0]).toContain('Course,Kind,Item,Status code,Status')
  expect(transcriptLines[1]).toMatch(
    /^Cargo and Container Control,Course,Cargo and Container Control,not-started,Not started,/,
  )
  // The link works once.
  const reused = await officerPage.goto(link)
  expect(reused?.status()).toBe(404)
  await expect(officerPage.getByText('Ссылка-приглашение больше недействительна')).toBeVisible()
  await officer.close()

  await page.goto(`/en/manage/officers?q=${email}`)
  await expect(page.locator(`tr[data-officer="${email}"]`)).toContainText('Active')
})

test('a coordinator cannot open another administration, and learners cannot open the page at all', async ({
  page,
  signIn,
}) => {
  await signIn('manager@demo.test')
  expect((await page.goto('/en/manage/officers?administration=DEMO-GE'))?.status()).toBe(404)
  const learner = await page.context().browser()!.newContext()
  const learnerPage = await learner.newPage()
  await signInContext(learner, 'learner@demo.test')
  expect((await learnerPage.goto('/en/manage'))?.status()).toBe(404)
  await learner.close()
})

test('a coordinator invites officers from a CSV file: a report first, and only the valid lines after confirming', async ({
  page,
  signIn,
}) => {
  const id = randomUUID().slice(0, 8)
  const csv = [
    'email,name,unit,language',
    `csv-a-${id}@e2e.test,Armen Grigoryan,Zvartnots airport customs post,en`,
    `not-an-email-${id},Broken Line,Zvartnots airport customs post,en`,
    `csv-b-${id}@e2e.test,Нарине Акопян,Yerevan customs office,ru`,
    `csv-c-${id}@e2e.test,=1+2 Formula,Yerevan customs office,en`,
  ].join('\n')
  await signIn('manager@demo.test')
  await page.goto('/en/manage/officers')
  await page.getByRole('link', { name: 'Invite several officers from a CSV file' }).click()
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByText('Choose a CSV file.')).toBeVisible()
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('status')).toHaveText('3 of 4 lines can be invited; lines with a problem are left out.')
  await expect(page.locator('tr[data-line="3"]')).toContainText('invalid e-mail address')
  // Nothing is written before the confirmation.
  await page.goto(`/en/manage/officers?q=${id}`)
  await expect(page.getByText('No officer matches these filters.')).toBeVisible()
  await page.goBack()
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('button', { name: 'Invite 3 officers' }).click()
  await expect(page.locator('.invitation-link')).toHaveCount(3)

  await page.goto(`/en/manage/officers?q=${id}`)
  await expect(page.locator('tbody tr')).toHaveCount(3)
  await expect(page.locator(`tr[data-officer="csv-b-${id}@e2e.test"]`)).toContainText('Yerevan customs office')

  // A name that a spreadsheet would run as a formula is exported as text.
  const exported = await page.request.get(`/en/manage/matrix/export?q=${id}&format=csv`)
  const lines = (await exported.text()).split('\r\n')
  expect(lines.some((line) => line.startsWith("'=1+2 Formula,"))).toBe(true)
  expect(lines.some((line) => /(^|,)[=+@-]/.test(line))).toBe(false)
})

test('an admin sees every administration and opens one', async ({ page, signIn }) => {
  await signIn('admin@demo.test')
  await page.goto('/en/manage')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose an administration')
  const row = page.locator('tr[data-administration="DEMO-GE"]')
  await expect(row).toContainText('Revenue Service of Georgia')
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Training overview: Revenue Service of Georgia — Customs (demo)',
  )
  await page.getByRole('link', { name: 'Officers: list, invitations, assignments' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Officers of Revenue Service of Georgia — Customs (demo)',
  )
})
