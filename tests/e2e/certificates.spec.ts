import { request } from '@playwright/test'
import { firstPageQrCode, pdfText } from '../support/pdf-inspect'
import { DRILL_TITLE, earnCertificate } from './certificate-helpers'
import { expect, signInContext, signedInApi, test } from './fixtures'
import { ADMIN_EMAIL, BASE_URL, createLearner, seriousAxeViolations, waitForHydration } from './helpers'

test('a Russian-speaking officer completes a course, downloads the certificate and its QR code verifies it', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const { learner, card, code } = await earnCertificate(page, 'ru')
  await expect(card).toContainText('Действителен')
  expect(await seriousAxeViolations(page)).toEqual([])

  const downloading = page.waitForEvent('download')
  await card.getByRole('link', { name: 'Скачать PDF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^certificate-exam-drill-[0-9A-Z]{4}\.pdf$/)
  const pdf = new Uint8Array(
    await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)),
  )
  expect(pdf.byteLength).toBeLessThanOrEqual(100 * 1024)

  const text = pdfText(pdf)
  expect(text).toContain(learner.displayName)
  expect(text).toContain(DRILL_TITLE.en)
  expect(text).toContain(DRILL_TITLE.ru)
  expect(text).toContain(code)
  const url = firstPageQrCode(pdf)
  expect(url).toBe(`${BASE_URL}/verify/${code}`)

  // The phone that scans the code opens the public page: no login needed, in the reader's language.
  const verifier = await page
    .context()
    .browser()!
    .newContext({ locale: 'ru-RU', viewport: { width: 360, height: 740 } })
  const phone = await verifier.newPage()
  await phone.goto(url!)
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Проверка сертификата')
  await expect(phone.getByRole('status')).toContainText('Действителен')
  await expect(phone.getByText(learner.displayName)).toBeVisible()
  await expect(phone.getByText(DRILL_TITLE.ru)).toBeVisible()
  expect(await seriousAxeViolations(phone)).toEqual([])
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  // The language switch, in the phone's menu (ADR 035), keeps the certificate on screen.
  await phone.locator('summary', { hasText: 'Меню' }).click()
  await phone.getByRole('link', { name: 'English' }).click()
  await expect(phone).toHaveURL(`${BASE_URL}/en/verify/${code}`)
  await expect(phone.getByRole('status')).toContainText('Valid')
  await verifier.close()
})

test('the verification page: only the code counts, unknown codes are 404, JSON for machines, revocation shows at once', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const { learner, code } = await earnCertificate(page, 'en')
  const api = await request.newContext({ baseURL: BASE_URL })
  try {
    // Query parameters change nothing on the page.
    const spoofed = await api.get(`/verify/${code}?status=revoked&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E`)
    expect(spoofed.status()).toBe(200)
    expect(spoofed.headers()['cache-control']).toBe('no-store')
    // The page's own stylesheet (inline, ADR 036) names `[data-status=revoked]`: only the markup is checked.
    const html = (await spoofed.text()).replace(/<style[^>]*>[^<]*<\/style>/, '')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('status=revoked')
    expect(html).toContain('data-status="valid"')

    const json = await api.get(`/verify/${code}.json`)
    expect(json.status()).toBe(200)
    expect(await json.json()).toMatchObject({
      status: 'valid',
      code,
      learnerName: learner.displayName,
      course: DRILL_TITLE,
      revokedAt: null,
    })

    for (const unknown of ['0000-0000-0000-0000-0000-0000-0000', 'not-a-code', '%27%3B--']) {
      const page404 = await api.get(`/verify/${unknown}`)
      expect(page404.status(), unknown).toBe(404)
      expect(await page404.text()).toContain('No certificate has this code')
      expect((await api.get(`/verify/${unknown}.json`)).status()).toBe(404)
    }

    // An admin revokes it with a reason; the very next check says so.
    const admin = await page.context().browser()!.newContext()
    const adminPage = await admin.newPage()
    await signInContext(admin, ADMIN_EMAIL)
    await adminPage.goto(`/en/admin/certificates?q=${code}`)
    const revoke = adminPage.getByRole('link', { name: `Revoke ${code}` })
    await waitForHydration(revoke)
    await revoke.click()
    const dialog = adminPage.getByRole('dialog', { name: 'Revoke this certificate?' })
    await dialog.getByLabel('Reason for revocation').fill('Exam taken by another person')
    await dialog.getByRole('button', { name: 'Revoke the certificate' }).click()
    await expect(adminPage.getByRole('status')).toContainText(`The certificate ${code} has been revoked.`)
    await admin.close()

    await page.goto(`/en/verify/${code}`)
    await expect(page.getByRole('status')).toContainText('Revoked')
    await expect(page.getByText('Exam taken by another person')).toBeVisible()
    expect(await (await api.get(`/verify/${code}.json`)).json()).toMatchObject({
      status: 'revoked',
      revokedReason: 'Exam taken by another person',
    })
  } finally {
    await api.dispose()
  }
})

test('a certificate PDF goes to its learner, their coordinator and admins; anyone else gets 404', async ({ page }) => {
  test.setTimeout(90_000)
  const { pdfPath } = await earnCertificate(page, 'en')
  expect((await page.request.get(pdfPath)).headers()['content-type']).toBe('application/pdf')

  const as = async (email: string) => {
    const api = await signedInApi(email)
    const status = (await api.get(pdfPath, { maxRedirects: 0 })).status()
    await api.dispose()
    return status
  }
  const stranger = await createLearner('certificate-stranger')
  expect(await as(stranger.email)).toBe(404)
  expect(await as('manager@demo.test')).toBe(200)
  expect(await as('instructor@demo.test')).toBe(404)
  expect(await as(ADMIN_EMAIL)).toBe(200)

  const anonymous = await request.newContext({ baseURL: BASE_URL })
  const response = await anonymous.get(pdfPath, { maxRedirects: 0 })
  expect(response.status()).toBe(302)
  expect(response.headers().location).toContain('/login')
  await anonymous.dispose()
  // An id that does not exist looks exactly like one the reader may not have.
  expect((await page.request.get('/en/certificates/does-not-exist/pdf')).status()).toBe(404)
})
