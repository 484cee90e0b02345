// Reminders to overdue officers (issue 16, ADR 033). The e-mail journey runs an app server of its own,
// started with SMTP_URL at an SMTP sink in the test process (smtp-server, as password-reset.spec.ts)
// and with the test-only fault REMINDER_FAULT=fail-after-claim-once: every e-mail job's first attempt
// fails after claiming its row, so each message can only arrive through a retry — and must arrive once.
// With TEST_DATABASE_URL (CI), that server runs on PostgreSQL and its jobs go through pg-boss.
// The last test uses the suite's shared server, which has no mail server: the messages are to copy.
import type { BrowserContext } from '@playwright/test'
import { startAppServer, type AppServer } from '../support/app-server'
import { parseMessage, startSmtpSink, type SmtpSink } from '../support/smtp-sink'
import { expect, test } from './fixtures'
import { seriousAxeViolations, waitForHydration } from './helpers'

const MANAGER = 'manager@demo.test'
// The demo administration's officers behind (or near) a due date; Davit and Hayk read Russian, Lusine English.
const OFFICERS = [
  {
    name: 'Davit Grigoryan',
    email: 'davit.grigoryan@demo.test',
    lang: 'ru',
    subject: /^Истёк срок прохождения курса «/,
  },
  { name: 'Hayk Mkrtchyan', email: 'hayk.mkrtchyan@demo.test', lang: 'ru', subject: /^Истёк срок прохождения курса «/ },
  {
    name: 'Lusine Karapetyan',
    email: 'lusine.karapetyan@demo.test',
    lang: 'en',
    subject: /^Reminder: complete “Single Window/,
  },
]

test.describe('by e-mail', () => {
  test.describe.configure({ mode: 'serial' })

  let sink: SmtpSink
  let server: AppServer

  test.beforeAll(async () => {
    test.setTimeout(180_000) // a server of its own: migrate, import the courses, seed the demo
    sink = await startSmtpSink()
    server = await startAppServer({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        REMINDER_FAULT: 'fail-after-claim-once',
        JOB_RETRY_DELAY_SECONDS: '1',
      },
    })
  })

  test.afterAll(async () => {
    await server?.stop()
    await sink?.close()
  })

  const at = (path: string) => `${server.baseUrl}${path}`
  const mailsTo = (email: string) => sink.inbox.filter((mail) => mail.to.includes(email))

  async function signInOn(context: BrowserContext, email: string) {
    const [name = '', value = ''] = (await server.cookieFor(email)).split('=')
    await context.addCookies([{ name, value, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }])
  }

  test('the coordinator reminds overdue officers: one e-mail each, in their language, despite a failed first try', async ({
    page,
  }) => {
    test.slow()
    await signInOn(page.context(), MANAGER)
    await page.goto(at('/en/manage/matrix'))
    await page.getByRole('link', { name: 'Send reminders' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reminders')
    await page.getByLabel('Show').selectOption({ label: 'Overdue or due within 30 days' })
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await expect(page).toHaveURL(/within=30/)
    const send = page.getByRole('button', { name: 'Send the reminders' })
    await waitForHydration(send)
    // Sending with nothing ticked says what to do.
    await send.click()
    await expect(page.getByRole('alert')).toHaveText('Tick at least one officer in the list.', { timeout: 20_000 })
    for (const officer of OFFICERS)
      await page.getByRole('checkbox', { name: new RegExp(`^Remind ${officer.name} of `) }).check()
    await send.click()
    await expect(page.getByRole('status')).toContainText('3 reminders are on their way by e-mail.', { timeout: 20_000 })

    // Each officer's one message arrives (after the retry), and no second one follows.
    for (const officer of OFFICERS) await expect.poll(() => mailsTo(officer.email).length, { timeout: 30_000 }).toBe(1)
    await page.waitForTimeout(4_000)
    for (const officer of OFFICERS) {
      expect(mailsTo(officer.email), officer.email).toHaveLength(1)
      const { headers, text } = parseMessage(mailsTo(officer.email)[0]!.raw)
      expect(headers.subject).toMatch(officer.subject)
      expect(text).toContain(`${server.baseUrl}/${officer.lang}/courses/`)
    }
    expect(sink.inbox).toHaveLength(OFFICERS.length)
    // The first attempt of each failed after claiming (the injected fault); the retry sent it.
    const failedAttempts = server
      .output()
      .split('\n')
      .filter(
        (line) => line.includes('mail job failed, to be retried') && line.includes('fault injected after the claim'),
      )
    expect(failedAttempts).toHaveLength(OFFICERS.length)

    // Reminded today: the page says so and lets nobody send a second one before tomorrow.
    await page.reload()
    for (const officer of OFFICERS) {
      const tick = page.getByRole('checkbox', { name: new RegExp(`^Remind ${officer.name} of `) })
      await expect(tick).toBeDisabled()
      const row = page.getByRole('row').filter({ has: tick })
      await expect(row).toContainText('Sent')
      await expect(row).toContainText('Already reminded today; the next reminder can go tomorrow.')
    }
  })

  test('the weekly digest is switched on and off by the coordinator', async ({ page }) => {
    await signInOn(page.context(), MANAGER)
    await page.goto(at('/en/manage/reminders'))
    const digest = page.getByRole('region', { name: 'Weekly digest' })
    const save = digest.getByRole('button', { name: 'Save' })
    await waitForHydration(save)
    await digest.getByLabel('Send the coordinators a weekly digest of overdue officers').check()
    await save.click()
    await expect(page.getByRole('status')).toHaveText('The weekly digest is switched on.')
    await page.reload()
    await expect(digest.getByLabel('Send the coordinators a weekly digest of overdue officers')).toBeChecked()
    await digest.getByLabel('Send the coordinators a weekly digest of overdue officers').uncheck()
    await save.click()
    await expect(page.getByRole('status')).toHaveText('The weekly digest is switched off.')
  })

  test('the page has no serious accessibility problems, in both languages', async ({ page }) => {
    await signInOn(page.context(), MANAGER)
    for (const [path, heading] of [
      ['/en/manage/reminders?within=30', 'Reminders'],
      ['/ru/manage/reminders?within=30', 'Напоминания'],
    ] as const) {
      await page.goto(at(path))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
      expect(await seriousAxeViolations(page), path).toEqual([])
    }
  })
})

test('without a mail server, the coordinator copies each officer’s message, written in their language', async ({
  page,
  signIn,
}) => {
  await signIn(MANAGER)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/en/manage/reminders')
  await expect(
    page.getByText('No mail server is set up for this platform, so nothing is sent by e-mail.'),
  ).toBeVisible()
  const prepare = page.getByRole('button', { name: 'Prepare the messages' })
  await waitForHydration(prepare)
  await page.getByRole('checkbox', { name: /^Remind Davit Grigoryan of / }).check()
  await prepare.click()
  const message = page.getByLabel('Message for Davit Grigoryan', { exact: true })
  // Composing runs on a shared, busy server: allow it more than the default few seconds.
  await expect(message).toHaveValue(/^Истёк срок прохождения курса «Контроль грузов и контейнеров»/, {
    timeout: 20_000,
  })
  await expect(message).toHaveValue(/Здравствуйте, Davit Grigoryan!/)
  await page.getByRole('button', { name: 'Copy the message for Davit Grigoryan' }).click()
  await expect(page.getByText('Copied.')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Истёк срок/)
})
