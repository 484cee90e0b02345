import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { earnCertificate } from './certificate-helpers'
import { expect, signInContext, test } from './fixtures'
import { ADMIN_EMAIL, BASE_URL, createUser, seriousAxeViolations, waitForHydration } from './helpers'

/** A certificate of the demo data, as the admin list shows it (newest first). */
async function demoCertificate(page: Page) {
  await page.goto('/en/admin/certificates')
  const row = page.locator('tr[data-certificate]').first()
  const code = (await row.getAttribute('data-certificate')) ?? ''
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/)
  return { code, learner: (await row.locator('th').textContent()) ?? '' }
}

test('an admin finds a certificate by a piece of its code typed loosely, and filters by course', async ({
  page,
  signIn,
}) => {
  await signIn(ADMIN_EMAIL)
  const { code } = await demoCertificate(page)
  // Seven characters across a group boundary, lower case, a space where the dash was.
  const piece = code.slice(3, 11).toLowerCase().replace('-', ' ')
  await page.getByLabel('Name, e-mail or code (a part is enough)').fill(piece)
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page).toHaveURL(/q=/)
  await expect(page.locator(`tr[data-certificate="${code}"]`)).toHaveCount(1)
  await expect(page.locator('tr[data-certificate]')).toHaveCount(1)

  // The course filter keeps the code search; another course finds nothing.
  const course = page.getByLabel('Course', { exact: true })
  const courses = await course.locator('option').allTextContents()
  expect(courses.length).toBeGreaterThan(2)
  const own = (await page.locator(`tr[data-certificate="${code}"] td`).first().textContent()) ?? ''
  await course.selectOption({ label: own })
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page.locator(`tr[data-certificate="${code}"]`)).toHaveCount(1)
  const other = courses.find((title, index) => index > 0 && title !== own) ?? ''
  await course.selectOption({ label: other })
  await page.getByRole('button', { name: 'Find' }).click()
  await expect(page.getByText('No certificate matches.')).toBeVisible()
})

test('an admin revokes a certificate in a dialog, the reason inside it, and stays on the filtered list', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000)
  const { code } = await earnCertificate(page, 'en')
  const admin = await browser.newContext()
  await signInContext(admin, ADMIN_EMAIL)
  const adminPage = await admin.newPage()
  const piece = code.slice(-9)
  await adminPage.goto(`/en/admin/certificates?q=${encodeURIComponent(piece)}`)
  const revoke = adminPage.getByRole('link', { name: `Revoke ${code}` })
  await waitForHydration(revoke)
  await revoke.click()
  const dialog = adminPage.getByRole('dialog', { name: 'Revoke this certificate?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(code)
  expect(await seriousAxeViolations(adminPage)).toEqual([])
  // A reason too short is refused in the dialog, which stays open; Cancel closes it with nothing done.
  await dialog.getByLabel('Reason for revocation').fill('no')
  await dialog.getByRole('button', { name: 'Revoke the certificate' }).click()
  await expect(dialog.getByText('Give a reason of 5 to 300 characters.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(adminPage.locator(`tr[data-certificate="${code}"]`)).toContainText('Valid')

  await revoke.click()
  await dialog.getByLabel('Reason for revocation').fill('Issued to the wrong officer')
  await dialog.getByRole('button', { name: 'Revoke the certificate' }).click()
  await expect(adminPage.getByRole('status')).toHaveText(`The certificate ${code} has been revoked.`)
  await expect(dialog).toBeHidden()
  await expect(adminPage).toHaveURL(new RegExp(`q=${piece}`))
  await expect(adminPage.locator(`tr[data-certificate="${code}"]`)).toContainText('Revoked')
  await expect(adminPage.locator(`tr[data-certificate="${code}"]`)).toContainText('Issued to the wrong officer')
  await admin.close()
})

test('without JavaScript the revoke button leads to a confirmation page that revokes', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const { code } = await earnCertificate(page, 'ru')
  const admin = await browser.newContext({ javaScriptEnabled: false })
  await signInContext(admin, ADMIN_EMAIL)
  const adminPage = await admin.newPage()
  await adminPage.goto(`/ru/admin/certificates?q=${code}`)
  await adminPage.getByRole('link', { name: `Отозвать ${code}` }).click()
  await expect(adminPage).toHaveURL(/revoke=/)
  const confirmation = adminPage.getByRole('region', { name: 'Отозвать этот сертификат?' })
  await expect(confirmation).toContainText(code)
  // axe runs inside the page, so it needs JavaScript: the same address renders the same confirmation with it on.
  await signInContext(page.context(), ADMIN_EMAIL)
  await page.goto(adminPage.url())
  await expect(page.getByRole('region', { name: 'Отозвать этот сертификат?' })).toContainText(code)
  expect(await seriousAxeViolations(page)).toEqual([])
  await confirmation.getByRole('button', { name: 'Отозвать сертификат' }).click()
  await expect(confirmation.getByText('Укажите причину длиной от 5 до 300 символов.')).toBeVisible()
  await confirmation.getByLabel('Причина отзыва').fill('Экзамен сдавало другое лицо')
  await confirmation.getByRole('button', { name: 'Отозвать сертификат' }).click()
  await expect(adminPage.getByRole('status')).toHaveText(`Сертификат ${code} отозван.`)
  await expect(adminPage).not.toHaveURL(/revoke=/)
  await expect(adminPage.locator(`tr[data-certificate="${code}"]`)).toContainText('Отозван')
  await admin.close()
})

test('a visitor checks a code from the footer; a mistyped one keeps the box filled to be corrected', async ({
  page,
  browser,
}) => {
  await signInContext(page.context(), ADMIN_EMAIL)
  const { code } = await demoCertificate(page)
  const last = code.at(-1) === 'X' ? 'Y' : 'X'
  const mistyped = `${code.slice(0, -1)}${last}`

  const visitor = await browser.newContext()
  const visit = await visitor.newPage()
  await visit.goto('/en')
  await visit.getByRole('contentinfo').getByRole('link', { name: 'Verify a certificate' }).click()
  await expect(visit.getByRole('heading', { level: 1 })).toHaveText('Verify a certificate')
  const box = visit.getByLabel('Certificate code')
  await waitForHydration(box)
  // Typed as people do: lower case, spaces for dashes.
  await box.fill(mistyped.toLowerCase().replaceAll('-', ' '))
  await visit.getByRole('button', { name: 'Verify' }).click()
  await expect(visit).toHaveURL(`${BASE_URL}/en/verify/${mistyped}`)
  await expect(visit.getByRole('heading', { level: 1 })).toHaveText('Certificate not found')
  await expect(box).toHaveValue(mistyped)
  await expect(box).toHaveAttribute('aria-invalid', 'true')
  await expect(visit.getByText('No certificate has this code. Check it and try again.')).toBeVisible()

  await box.fill(code)
  await visit.getByRole('button', { name: 'Verify' }).click()
  await expect(visit).toHaveURL(`${BASE_URL}/en/verify/${code}`)
  await expect(visit.getByRole('heading', { level: 1 })).toHaveText('Certificate verification')
  await expect(visit.getByRole('status')).toBeVisible()

  // The same without JavaScript, in Russian, and an empty box is a 400 that says what is missing.
  const plain = await browser.newContext({ javaScriptEnabled: false })
  const plainPage = await plain.newPage()
  expect((await plainPage.goto('/ru/verify?code=+'))?.status()).toBe(400)
  await expect(plainPage.getByText('Введите код сертификата.')).toBeVisible()
  await plainPage.getByLabel('Код сертификата').fill(mistyped)
  await plainPage.getByRole('button', { name: 'Проверить' }).click()
  await expect(plainPage.getByRole('heading', { level: 1 })).toHaveText('Сертификат не найден')
  await expect(plainPage.getByLabel('Код сертификата')).toHaveValue(mistyped)
  await visitor.close()
  await plain.close()
})

test('an admin searches, filters and pages the users, and creates one on its own page', async ({ page, signIn }) => {
  test.setTimeout(60_000)
  const id = randomUUID().slice(0, 8)
  // 26 instructors (no administration) whose e-mails share a marker: more than one page of 25.
  for (let batch = 0; batch < 26; batch += 6)
    await Promise.all(Array.from({ length: Math.min(6, 26 - batch) }, () => createUser(`paging-${id}`)))

  await signIn(ADMIN_EMAIL)
  await page.goto('/en/admin/users')
  await page.getByLabel('Name or e-mail (a part is enough)').fill(`PAGING-${id}`)
  await page.getByLabel('Role').selectOption('INSTRUCTOR')
  await page.getByLabel('Administration').selectOption({ label: 'None (regional office)' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByText('All user accounts · 26 users')).toBeVisible()
  await expect(page.locator('tr[data-user]')).toHaveCount(25)
  await page.getByRole('link', { name: 'Next page' }).click()
  await expect(page.getByText('Page 2 of 2')).toBeVisible()
  await expect(page.locator('tr[data-user]')).toHaveCount(1)
  expect(new URL(page.url()).searchParams.get('role')).toBe('INSTRUCTOR')

  // Deactivating one keeps the filtered page; the status filter uses the coordinator's words.
  const row = page.locator('tr[data-user]').first()
  const email = (await row.getAttribute('data-user')) ?? ''
  await row.getByRole('button', { name: /^Deactivate / }).click()
  await expect(page.getByRole('status')).toHaveText("The account's status has been changed.")
  expect(new URL(page.url()).searchParams.get('q')).toBe(`PAGING-${id}`)
  await expect(page.locator(`tr[data-user="${email}"]`)).toContainText('Deactivated')
  await page.getByLabel('Status').selectOption({ label: 'Deactivated' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.locator('tr[data-user]')).toHaveCount(1)
  await page.getByLabel('Administration').selectOption({ label: 'State Revenue Committee of Armenia — Customs (demo)' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByText('No account matches these filters.')).toBeVisible()

  // Creating an account is a page of its own, which leads back to the list showing the new account.
  await page.goto('/en/admin/users')
  await page.getByRole('link', { name: 'Create a user' }).click()
  await expect(page).toHaveURL(`${BASE_URL}/en/admin/users/new`)
  const created = `created-${id}@e2e.test`
  await page.getByLabel('Email').fill(created)
  await page.getByLabel('Full name').fill(`Created ${id}`)
  await page.getByLabel('Role').selectOption('MANAGER')
  await page.getByLabel('Administration').selectOption({ label: 'State Revenue Committee of Armenia — Customs (demo)' })
  await page.getByLabel('Initial password').fill(`a-password-${id}`)
  await page.getByRole('button', { name: 'Create user' }).click()
  await expect(page).toHaveURL(/\/en\/admin\/users\?/)
  await expect(page.getByRole('status')).toHaveText(`The account for ${created} has been created.`)
  await expect(page.locator(`tr[data-user="${created}"]`)).toContainText('Training coordinator')
  await expect(page.locator(`tr[data-user="${created}"]`)).toContainText('Active')
})
