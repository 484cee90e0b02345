// An officer at a border post loses the connection in the middle of a quiz: nothing typed is lost.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createLearner, enrol, shippedCourse, waitForHydration } from './helpers'
import { QUIZ_TEXT, submitUnanswered } from './quiz-helpers'

const AEO = shippedCourse('aeo')
const ANSWERS = /\/attempts\/[^/]+\/answers$/
const status = (page: Page) => page.locator('p.autosave')

/** The names of the attempt's single-choice questions (q<position>), in page order. */
async function radioQuestions(page: Page) {
  const names = await page
    .locator('form input[type=radio]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name))
  return [...new Set(names)]
}

/** The choices the server has stored, as a fresh load of the attempt page shows them. */
async function storedChoices(page: Page) {
  const html = await (await page.request.get(page.url())).text()
  return [...html.matchAll(/<input type="radio" name="(q\d+)" checked="" value="([^"]+)"/g)].map(
    (m) => `${m[1]}=${m[2]}`,
  )
}

test('answers given without a connection are kept on screen, survive a reload and are saved once it returns', async ({
  page,
  context,
  signIn,
}) => {
  test.setTimeout(90_000)
  const learner = await createLearner('offline-answers')
  await signIn(learner.email)
  await enrol(page.request, 'aeo')
  await page.goto(`/en/courses/aeo/modules/${AEO.module(2).slug}/quiz`)
  await page.getByRole('button', { name: QUIZ_TEXT.en.start }).click()
  await expect(page).toHaveURL(/\/en\/attempts\/[^/]+$/)
  await waitForHydration(page.locator('form').last())
  // Module 2 draws 5 of its 7 questions, 5 of which are single-choice or true/false: 3 at least.
  const [a, b, c] = await radioQuestions(page)
  if (!a || !b || !c) throw new Error('the attempt needs three single-choice questions')
  const choose = (name: string) => page.locator(`input[name="${name}"]`).first().check()
  const value = (name: string) => page.locator(`input[name="${name}"]`).first().getAttribute('value')

  const saves: { seq: number; status: number }[] = []
  page.on('requestfinished', async (request) => {
    if (!ANSWERS.test(request.url())) return
    const seq = Number(/name="seq"\r\n\r\n(\d+)/.exec(request.postData() ?? '')?.[1])
    saves.push({ seq, status: (await request.response())?.status() ?? 0 })
  })

  await choose(a)
  await expect(status(page)).toHaveText(/^Saved automatically at/)

  // The connection drops: the page stays, says what waits, and keeps retrying.
  await context.setOffline(true)
  await choose(b)
  await choose(c)
  await expect(status(page)).toHaveText(/^Not saved — retrying\. 2 answers are waiting/)
  await page.waitForTimeout(3_500) // a few retries fail meanwhile
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Attempt 1')
  await expect(page.getByText('Something went wrong')).toHaveCount(0)
  await expect(page.locator(`input[name="${b}"]`).first()).toBeChecked()

  // The connection returns but saves still fail (the server out of reach), and the officer reloads.
  await page.route(ANSWERS, (route) => route.abort('connectionrefused'))
  await context.setOffline(false)
  await page.reload()
  await expect(page.locator(`input[name="${b}"]`).first()).toBeChecked()
  await expect(page.locator(`input[name="${c}"]`).first()).toBeChecked()
  await expect(status(page)).toHaveText(/^Not saved — retrying\. 2 answers are waiting/)
  expect(await storedChoices(page)).toEqual([`${a}=${await value(a)}`])

  // Saves get through again: both waiting answers are stored by one save.
  const before = saves.length
  await page.unroute(ANSWERS)
  await expect(status(page)).toHaveText(/^Saved automatically at/)
  const stored = saves.slice(before).filter((save) => save.status === 200)
  expect(stored).toHaveLength(1)
  expect((await storedChoices(page)).sort()).toEqual(
    [`${a}=${await value(a)}`, `${b}=${await value(b)}`, `${c}=${await value(c)}`].sort(),
  )

  // Submitting without a connection waits for it, then grades the attempt with every answer.
  await context.setOffline(true)
  await page.locator(`input[name="${a}"]`).last().check()
  await submitUnanswered(page, 'en')
  await expect(status(page)).toHaveText(
    /^Not submitted yet — retrying until the connection returns\. 1 answer is waiting/,
  )
  await context.setOffline(false)
  await expect(page).toHaveURL(/\/review$/)
  const seqs = saves.map((save) => save.seq)
  expect(seqs, 'saves are sent in the order they were made').toEqual([...seqs].sort((x, y) => x - y))
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('lms:')))).toEqual([])
})

test('a page that cannot load for want of a connection says so, in the reader’s language, and opens when it returns', async ({
  page,
  context,
  signIn,
}) => {
  const learner = await createLearner('offline-navigation', 'ru')
  await signIn(learner.email)
  await page.goto('/ru/courses')
  const link = page.getByRole('link', { name: AEO.title.ru }).first()
  await waitForHydration(link)
  // The course page's script is loaded once online, as on any visit: a route whose script the browser
  // never fetched cannot open offline at all (Remix reloads the document for it).
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AEO.title.ru)
  await page.goBack()
  await expect(page).toHaveURL(/\/ru\/courses$/)
  await context.setOffline(true)
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет связи')
  await expect(page.getByText('Что-то пошло не так')).toHaveCount(0)
  await context.setOffline(false)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(AEO.title.ru)
  await expect(page).toHaveURL(/\/ru\/courses\/aeo$/)
})

test('a submit pressed while a save is still on its way is sent after it', async ({ page, signIn }) => {
  const learner = await createLearner('submit-during-save')
  await signIn(learner.email)
  await enrol(page.request, 'aeo')
  await page.goto(`/en/courses/aeo/modules/${AEO.module(2).slug}/quiz`)
  await page.getByRole('button', { name: QUIZ_TEXT.en.start }).click()
  await expect(page).toHaveURL(/\/en\/attempts\/[^/]+$/)
  await waitForHydration(page.locator('form').last())
  // A slow network: the background save takes two seconds to arrive.
  let saving: () => void = () => undefined
  await page.route(ANSWERS, async (route) => {
    if (route.request().postData()?.includes('name="intent"\r\n\r\nsave')) {
      saving()
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
    await route.continue()
  })
  const saveSent = new Promise<void>((resolve) => (saving = resolve))
  await page.locator('form input[type=radio]').first().check()
  await saveSent
  await submitUnanswered(page, 'en')
  await expect(page).toHaveURL(/\/review$/)
})
