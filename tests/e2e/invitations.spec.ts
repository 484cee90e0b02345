import { randomUUID } from 'node:crypto'
import type { Download } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import { BASE_URL, waitForHydration } from './helpers'

const MANAGER = 'manager@demo.test'
const LINK = new RegExp(`^${BASE_URL}/(en|ru)/invitations/[a-z2-7]{32}$`)

async function downloadedText(download: Download) {
  const chunks = await (await download.createReadStream()).toArray()
  return Buffer.concat(chunks).toString('utf8')
}

test('the invitation link is copied with one click, and stays selectable text without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
  await signInContext(context, MANAGER)
  const page = await context.newPage()
  await page.goto('/en/manage/officers')
  const invite = page.getByRole('region', { name: 'Invite an officer' })
  await waitForHydration(invite.getByLabel('E-mail'))
  await invite.getByLabel('E-mail').fill(`copy-${randomUUID().slice(0, 8)}@e2e.test`)
  await invite.getByLabel('Full name').fill('Lilit Hakobyan')
  await invite.getByLabel('Unit or post').selectOption({ index: 1 })
  await invite.getByRole('button', { name: 'Create the invitation' }).click()
  const link = (await page.locator('.invitation-link').textContent()) ?? ''
  expect(link).toMatch(LINK)
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByText('Copied', { exact: true })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  await context.close()

  const plain = await browser.newContext({ javaScriptEnabled: false })
  await signInContext(plain, MANAGER)
  const plainPage = await plain.newPage()
  await plainPage.goto('/ru/manage/officers')
  const form = plainPage.getByRole('region', { name: 'Пригласить сотрудника' })
  await form.getByLabel('Эл. почта').fill(`copy-${randomUUID().slice(0, 8)}@e2e.test`)
  await form.getByLabel('Ф. И. О.').fill('Лилит Акопян')
  await form.getByLabel('Подразделение или пост').selectOption({ index: 1 })
  await form.getByRole('button', { name: 'Создать приглашение' }).click()
  await expect(plainPage.locator('.invitation-link')).toHaveText(LINK)
  await expect(plainPage.getByRole('button', { name: 'Копировать ссылку' })).toHaveCount(0)
  await plain.close()
})

test('a coordinator downloads the template, sees what each bad line said, and downloads the links as CSV', async ({
  page,
  signIn,
}) => {
  await signIn(MANAGER)
  await page.goto('/en/manage/import?administration=DEMO-AM')
  const templateDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download a template file (CSV)' }).click()
  const template = await downloadedText(await templateDownload)
  const [header, example] = template.replace(/^\uFEFF/, '').split('\r\n')
  expect(header).toBe('E-mail,Full name,Latin name,Unit,Language')
  expect(example).toMatch(/^armen\.grigoryan@example\.org,Armen Grigoryan,Armen Grigoryan,[^,]+,en$/)

  // The template itself, its example's e-mail replaced, is a file the import accepts; a bad line beside it.
  const id = randomUUID().slice(0, 8)
  const unit = example!.split(',')[3]
  const csv = [
    header,
    example!.replace('armen.grigoryan@example.org', `tmpl-a-${id}@e2e.test`),
    `tmpl-b-${id}@e2e.test,Нарине Акопян,,${unit},ru`,
    `Not An Email ${id},,Анна,${unit},Deutsch`,
  ].join('\r\n')
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByRole('status')).toHaveText('2 of 3 lines can be invited; lines with a problem are left out.')
  const bad = page.locator('tr[data-line="4"]')
  // The cell is quoted by <q> (the browser adds the marks, in the page's language).
  await expect(bad).toContainText(`invalid e-mail address: Not An Email ${id}`)
  await expect(bad.locator('q.import-cell').first()).toHaveText(`Not An Email ${id}`)
  await expect(bad).toContainText('full name missing (the cell is empty)')
  await expect(bad).toContainText('language must be English or Russian: Deutsch')
  // The language column says what the line said, not the language the officer would have been given.
  await expect(bad.locator('td').nth(3)).toHaveText('Deutsch')

  await page.getByRole('button', { name: 'Invite 2 officers' }).click()
  const links = page.locator('.invitation-link')
  await expect(links).toHaveCount(2)
  const shown = await links.allTextContents()
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download these links as a CSV file' }).click()
  const download = await csvDownload
  expect(download.suggestedFilename()).toBe('invitation-links.csv')
  const lines = (await downloadedText(download))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe('Full name,E-mail,Invitation link')
  expect(lines).toHaveLength(3)
  expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(shown)
  expect(lines.some((line) => line.startsWith(`Armen Grigoryan,tmpl-a-${id}@e2e.test,`))).toBe(true)
})

test('the Russian template is separated by semicolons, and another administration is refused', async ({
  page,
  signIn,
}) => {
  await signIn(MANAGER)
  const russian = await page.request.get('/ru/manage/import/template.csv')
  expect(russian.status()).toBe(200)
  expect(russian.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const [header] = (await russian.text()).replace(/^\uFEFF/, '').split('\r\n')
  expect(header).toBe('Эл. почта;ФИО;ФИО латиницей;Подразделение;Язык')
  const foreign = await page.request.get('/en/manage/import/template.csv?administration=DEMO-GE')
  expect(foreign.status()).toBe(404)
})
