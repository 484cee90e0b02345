import { expect, test } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { BASE_URL, login } from './helpers'

test('a training coordinator invites an officer, who sets a password from the link and is signed in', async ({
  page,
  browser,
}) => {
  const email = `invited-${randomUUID().slice(0, 8)}@e2e.test`
  await login(page, 'manager@demo.test')
  await page.getByRole('link', { name: 'My officers' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Officers of')

  const invite = page.getByRole('region', { name: 'Invite an officer' })
  await invite.getByLabel('E-mail').fill(email)
  await invite.getByLabel('Full name').fill('Гаяне Саргсян')
  await invite.getByLabel('Unit or post').selectOption({ label: 'Bagratashen road border crossing' })
  await invite.getByLabel('Language of the platform').selectOption('ru')
  await invite.getByRole('button', { name: 'Create the invitation' }).click()
  const link = (await page.locator('.invitation-link').textContent()) ?? ''
  expect(link).toMatch(new RegExp(`^${BASE_URL}/ru/invitations/[a-z2-7]{32}$`))

  // The officer is listed as invited, in their unit.
  const row = page.locator(`tr[data-officer="${email}"]`)
  await expect(row).toContainText('Invited')
  await expect(row).toContainText('Bagratashen road border crossing')

  const officer = await browser.newContext()
  const officerPage = await officer.newPage()
  await officerPage.goto(link)
  await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('Добро пожаловать, Гаяне Саргсян')
  await officerPage.getByLabel('Новый пароль').fill('a-long-new-password')
  await officerPage.getByLabel('Повторите пароль').fill('a-long-new-password')
  await officerPage.getByRole('button', { name: 'Сохранить пароль и войти' }).click()
  await expect(officerPage).toHaveURL(`${BASE_URL}/ru/me`)

  // The coordinator assigns a course with a due date; the officer sees it on My learning.
  await page.reload()
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
  // The link works once.
  const reused = await officerPage.goto(link)
  expect(reused?.status()).toBe(404)
  await expect(officerPage.getByText('Ссылка-приглашение больше недействительна')).toBeVisible()
  await officer.close()

  await page.reload()
  await expect(page.locator(`tr[data-officer="${email}"]`)).toContainText('Active')
})

test('a coordinator cannot open another administration, and learners cannot open the page at all', async ({ page }) => {
  await login(page, 'manager@demo.test')
  expect((await page.goto('/en/manage?administration=DEMO-GE'))?.status()).toBe(404)
  const learner = await page.context().browser()!.newContext()
  const learnerPage = await learner.newPage()
  await login(learnerPage, 'learner@demo.test')
  expect((await learnerPage.goto('/en/manage'))?.status()).toBe(404)
  await learner.close()
})

test('a coordinator invites officers from a CSV file: a report first, and only the valid lines after confirming', async ({
  page,
}) => {
  const id = randomUUID().slice(0, 8)
  const csv = [
    'email,name,unit,language',
    `csv-a-${id}@e2e.test,Armen Grigoryan,Zvartnots airport customs post,en`,
    `not-an-email-${id},Broken Line,Zvartnots airport customs post,en`,
    `csv-b-${id}@e2e.test,Нарине Акопян,Yerevan customs office,ru`,
  ].join('\n')
  await login(page, 'manager@demo.test')
  await page.goto('/en/manage')
  await page.getByRole('link', { name: 'Invite several officers from a CSV file' }).click()
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('status')).toHaveText('2 of 3 lines can be invited; lines with a problem are left out.')
  await expect(page.locator('tr[data-line="3"]')).toContainText('invalid e-mail address')
  // Nothing is written before the confirmation.
  await page.goto(`/en/manage?q=${id}`)
  await expect(page.getByText('No officer matches these filters.')).toBeVisible()
  await page.goBack()
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('button', { name: 'Invite 2 officers' }).click()
  await expect(page.locator('.invitation-link')).toHaveCount(2)

  await page.goto(`/en/manage?q=${id}`)
  await expect(page.locator('tbody tr')).toHaveCount(2)
  await expect(page.locator(`tr[data-officer="csv-b-${id}@e2e.test"]`)).toContainText('Yerevan customs office')
})
