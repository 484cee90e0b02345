// Attacks on the quiz engine over HTTP, as a learner with a script (not a browser) could make them.
import { request, type APIRequestContext } from '@playwright/test'
import { expect, signedInApi, test } from './fixtures'
import { BASE_URL, SAME_ORIGIN, createLearner, enrol } from './helpers'
import { packageQuiz } from './quiz-helpers'

const QUIZ_URL = '/en/courses/aeo/modules/safe-framework/quiz'
const QUIZ = packageQuiz('courses/aeo/modules/01-safe-framework/quiz.yaml')

async function learnerApi(purpose: string) {
  const learner = await createLearner(purpose)
  return signedInApi(learner.email)
}

const post = (api: APIRequestContext, url: string, form: Record<string, string>) =>
  api.post(url, { form, headers: SAME_ORIGIN, maxRedirects: 0 })

/** Starts the AEO module-1 quiz and returns the attempt's path. */
async function startAttempt(api: APIRequestContext) {
  await enrol(api, 'aeo')
  const response = await post(api, QUIZ_URL, { intent: 'start' })
  expect(response.status()).toBe(302)
  return new URL(response.headers().location ?? '', BASE_URL).pathname
}

/** A choice question of the attempt (radio buttons): its position and two of its values. */
async function choiceQuestion(api: APIRequestContext, attempt: string) {
  const html = await (await api.get(attempt)).text()
  const radios = [...html.matchAll(/<input type="radio" name="q(\d+)"(?: checked="")? value="([^"]+)"/g)]
  const position = radios[0]?.[1]
  const values = radios.filter((radio) => radio[1] === position).map((radio) => radio[2] ?? '')
  expect(values.length, 'the attempt has a choice question').toBeGreaterThanOrEqual(2)
  return { name: `q${position}`, shown: position ?? '', first: values[0] ?? '', second: values[1] ?? '' }
}

const checkedValues = async (api: APIRequestContext, attempt: string) =>
  [
    ...(await (await api.get(attempt)).text()).matchAll(/<input type="radio" name="q\d+" checked="" value="([^"]+)"/g),
  ].map((match) => match[1])

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')

/** Every answer key, flag and explanation of the quiz pool, in both languages. */
const SECRETS = [
  ...QUIZ.questions.flatMap((question) => [question.explanation.en, question.explanation.ru]),
  '"correct"',
  'optionId',
  'definition',
  'explanation',
  'tolerance',
]

test('no answer key, correctness flag or explanation reaches the browser before review', async () => {
  const api = await learnerApi('secrets')
  const attempt = await startAttempt(api)
  for (const url of [
    attempt,
    `${attempt}.data`,
    attempt.replace('/en/', '/ru/'),
    `${attempt.replace('/en/', '/ru/')}.data`,
  ]) {
    const response = await api.get(url)
    expect(response.status(), url).toBe(200)
    const body = await response.text()
    for (const secret of SECRETS) expect(body, `${url} must not contain ${secret}`).not.toContain(secret)
  }
  // Switching language mid-attempt shows the same questions, in the other language.
  const [english, russian] = await Promise.all([api.get(attempt), api.get(attempt.replace('/en/', '/ru/'))])
  const [en, ru] = await Promise.all([english.text(), russian.text()])
  const drawnIn = (html: string, lang: 'en' | 'ru') =>
    QUIZ.questions.filter((question) => html.includes(escapeHtml(question.prompt[lang] ?? ''))).map((q) => q.slug)
  expect(drawnIn(en, 'en')).toHaveLength(QUIZ.questionsPerAttempt)
  expect(drawnIn(ru, 'ru')).toEqual(drawnIn(en, 'en'))
  // Saving answers does not tell whether they are right either.
  const saved = await post(api, `${attempt}/answers`, { intent: 'save', seq: '1000', shown: '0', q0: '0' })
  expect(saved.status()).toBe(200)
  expect(Object.keys(await saved.json())).toEqual(['savedAt'])
  expect(await saved.text()).not.toMatch(/correct|score|passed/i)
  await api.dispose()
})

test('answers to questions not in the attempt are refused and nothing of that save is stored', async () => {
  const api = await learnerApi('foreign-answers')
  const attempt = await startAttempt(api)
  const choice = await choiceQuestion(api, attempt)
  const refused = await post(api, attempt, {
    intent: 'save',
    seq: '1000',
    shown: choice.shown,
    [choice.name]: choice.first,
    q99: '0',
  })
  expect(refused.status()).toBe(400)
  expect(await refused.text()).toContain('The answers do not belong to the questions of this attempt')
  expect(await checkedValues(api, attempt)).toEqual([])
  await api.dispose()
})

test('a replayed older save does not overwrite newer answers', async () => {
  const api = await learnerApi('replay')
  const attempt = await startAttempt(api)
  const choice = await choiceQuestion(api, attempt)
  const save = (seq: string, value: string) =>
    post(api, attempt, { intent: 'save', seq, shown: choice.shown, [choice.name]: value })
  expect((await save('5000', choice.second)).status()).toBe(302)
  expect((await save('4000', choice.first)).status()).toBe(302)
  expect(await checkedValues(api, attempt)).toEqual([choice.second])
  await api.dispose()
})

test('scores, pass flags and user ids sent by the client are ignored; a second submit gets 409', async () => {
  const api = await learnerApi('forged-score')
  const attempt = await startAttempt(api)
  const forged = {
    intent: 'submit',
    confirmed: '1',
    seq: '2000',
    score: '100',
    passed: 'true',
    number: '7',
    userId: 'someone-else',
  }
  const [first, second] = await Promise.all([post(api, attempt, forged), post(api, attempt, forged)])
  expect([first.status(), second.status()].sort()).toEqual([302, 409])
  const review = await (await api.get(`${attempt}/review`)).text()
  expect(review).toContain('Your score: 0%')
  expect(review).toContain('Not passed')
  await api.dispose()
})

test('another learner’s attempt is not found, whatever they do with it', async () => {
  const owner = await learnerApi('owner')
  const attempt = await startAttempt(owner)
  const intruder = await learnerApi('intruder')
  for (const url of [attempt, `${attempt}.data`, `${attempt}/review`])
    expect((await intruder.get(url)).status(), url).toBe(404)
  expect((await post(intruder, attempt, { intent: 'save', seq: '1', shown: '0', q0: '0' })).status()).toBe(404)
  expect((await post(intruder, attempt, { intent: 'submit', seq: '1' })).status()).toBe(404)
  for (const intent of ['save', 'submit']) {
    const viaScript = await post(intruder, `${attempt}/answers`, { intent, seq: '1', shown: '0', q0: '0' })
    expect(viaScript.status()).toBe(404)
    expect(await viaScript.json()).toEqual({ message: 'There is no such attempt.' })
  }
  // The owner's attempt is untouched.
  expect((await owner.get(attempt)).status()).toBe(200)
  await Promise.all([owner.dispose(), intruder.dispose()])
})

test('the answers endpoint answers in JSON: who is not signed in, a closed attempt, a form that is not one', async () => {
  const api = await learnerApi('answers-endpoint')
  const attempt = await startAttempt(api)
  const anonymous = await request.newContext({ baseURL: BASE_URL })
  const signedOut = await post(anonymous, `${attempt}/answers`, { intent: 'save', seq: '1', shown: '0' })
  expect(signedOut.status()).toBe(401)
  expect((await signedOut.json()).message).toMatch(/^Your session has ended/)
  const notAForm = await post(api, `${attempt}/answers`, { intent: 'guess', seq: 'x' })
  expect(notAForm.status()).toBe(400)
  expect(await notAForm.json()).toEqual({ message: 'This form was not recognised. Reload the page and try again.' })

  const submitted = await post(api, `${attempt}/answers`, { intent: 'submit', seq: '2000', shown: '0' })
  expect(submitted.status()).toBe(200)
  expect(await submitted.json()).toEqual({ next: `${attempt}/review` })
  const closed = await post(api, `${attempt.replace('/en/', '/ru/')}/answers`, {
    intent: 'save',
    seq: '3000',
    shown: '0',
  })
  expect(closed.status()).toBe(409)
  expect(await closed.json()).toEqual({
    message: 'Эта попытка уже завершена: она отправлена или её время истекло. Ответы не изменены.',
    next: `${attempt.replace('/en/', '/ru/')}/review`,
  })
  await Promise.all([api.dispose(), anonymous.dispose()])
})

test('20 parallel starts of a one-attempt exam make one attempt; the others get 409', async () => {
  const api = await learnerApi('parallel-starts')
  await enrol(api, 'exam-drill')
  await post(api, '/en/courses/exam-drill/modules/briefing', { intent: 'complete' })
  const responses = await Promise.all(
    Array.from({ length: 20 }, () => post(api, '/en/courses/exam-drill/exam', { intent: 'start' })),
  )
  const statuses = responses.map((response) => response.status())
  expect(statuses.filter((status) => status === 302)).toHaveLength(1)
  expect(statuses.filter((status) => status === 409)).toHaveLength(19)
  const overview = await (await api.get('/en/courses/exam-drill/exam')).text()
  expect(overview.match(/<tr>/g)).toHaveLength(2) // the header and one attempt
  await api.dispose()
})
