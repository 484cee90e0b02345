// Quizzes and final exams in the studio (issue 15, ADR 025), called as Remix calls the pages: who may
// use them, questions of every type saved with their structure once and texts per language, refusals
// next to their fields in the author's language, conflicts that keep the author's text, publishing that
// is refused by the package's rules and otherwise reaches new attempts only.
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursePackages } from '~/modules/content/import.server'
import { startAttempt } from '~/modules/quiz/attempt.server'
import { createCourse } from '~/modules/studio/courses.server'
import * as coursePage from '~/routes/$lang.studio.courses.$course._index'
import { StudioWorkWouldBeOverwritten } from '~/modules/studio/errors'
import * as examPage from '~/routes/$lang.studio.courses.$course.exam._index'
import * as examQuestion from '~/routes/$lang.studio.courses.$course.exam.questions.$question'
import * as previewPage from '~/routes/$lang.studio.courses.$course.exam.questions.$question_.preview'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module, quiz } from '../support/course-package'
import { importStudioCourse } from '../support/studio-course'
import { callRoute, type Handler } from '../support/studio-route'

// One route module serves the final exam and, under a module, its quiz (app/routes.ts): the path says which.
const quizPage = examPage
const questionPage = examQuestion

const COURSE = 'quizzes'
const SLUGS = ['seals', 'documents', 'risk'] as const
const users: Record<'author' | 'learner' | 'manager' | 'other', SessionUser> = {} as never

const sessionUser = (id: string) =>
  getPrisma().user.findUniqueOrThrow({
    where: { id },
    select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
  })

beforeAll(async () => {
  const base = coursePackage(COURSE)
  const made = await importStudioCourse(
    COURSE,
    SLUGS.map((slug, index) => module(slug, index + 1)),
    {
      course: { ...base.course, completion: { modules: 'all', finalExam: 'required' } },
      finalExam: quiz(['exam-a', 'exam-b', 'exam-c'], { maxAttempts: 3, timeLimitMinutes: 30, review: 'after-pass' }),
    },
  )
  await getPrisma().user.update({ where: { id: made.authorId }, data: { role: 'INSTRUCTOR' } })
  users.author = await sessionUser(made.authorId)
  users.learner = await sessionUser(made.learnerId)
  for (const [key, role] of [
    ['other', 'INSTRUCTOR'],
    ['manager', 'MANAGER'],
  ] as const) {
    const user = await getPrisma().user.create({
      data: { email: `${key}@quizzes.test`, displayName: `${key} of quizzes`, role, passwordHash: 'x' },
      select: { id: true },
    })
    users[key] = await sessionUser(user.id)
  }
})

const quizPath = (slug: string, lang = 'en') => `/${lang}/studio/courses/${COURSE}/modules/${slug}/quiz`
const call = (handler: Handler, user: SessionUser | null, path: string, form?: Record<string, string>) =>
  callRoute(handler, user, path, form)

/** A matching question's form in both languages, as the editor posts it. */
const matchingForm = (overrides: Record<string, string> = {}) => ({
  intent: 'save',
  type: 'matching',
  version: '0',
  slug: 'seal-types-match',
  points: '2',
  'prompt.en': 'Match each seal to what it is made of.',
  'prompt.ru': 'Сопоставьте пломбу и материал, из которого она изготовлена.',
  'explanation.en': 'Bolt seals are steel; cable seals are steel cable; indicative seals are plastic.',
  'explanation.ru': 'Болтовые пломбы стальные, тросовые — из стального троса, индикаторные — пластиковые.',
  'pairs[0].left.en': 'Bolt seal',
  'pairs[0].left.ru': 'Болтовая пломба',
  'pairs[0].right.en': 'Steel bolt',
  'pairs[0].right.ru': 'Стальной болт',
  'pairs[1].left.en': 'Cable seal',
  'pairs[1].left.ru': 'Тросовая пломба',
  'pairs[1].right.en': 'Steel cable',
  'pairs[1].right.ru': 'Стальной трос',
  'pairs[2].left.en': 'Indicative seal',
  'pairs[2].left.ru': 'Индикаторная пломба',
  'pairs[2].right.en': 'Plastic strap',
  'pairs[2].right.ru': 'Пластиковая лента',
  ...overrides,
})

async function draftOf(moduleSlug: string) {
  const module = await getPrisma().module.findFirstOrThrow({ where: { slug: moduleSlug, course: { slug: COURSE } } })
  return getPrisma().quizDraft.findFirst({ where: { moduleId: module.id } })
}

describe('who may use the quiz pages', () => {
  it('learners, coordinators and visitors get 404 on every page and form; another instructor previews but writes nothing', async () => {
    const forms: Record<string, string>[] = [
      { intent: 'settings', version: '0', passMark: '80', questionsPerAttempt: '2', review: 'never' },
      { intent: 'duplicate', question: 'seals-q1' },
      { intent: 'retire', question: 'seals-q1' },
      { intent: 'publish' },
      { intent: 'discard' },
    ]
    for (const user of [users.learner, users.manager, null]) {
      const who = user?.email ?? 'visitor'
      expect((await call(quizPage.loader, user, quizPath('seals'))).status, who).toBe(404)
      expect((await call(examPage.loader, user, `/en/studio/courses/${COURSE}/exam`)).status, who).toBe(404)
      for (const form of forms)
        expect((await call(quizPage.action, user, quizPath('seals'), form)).status, `${who} ${form.intent}`).toBe(404)
      const question = `${quizPath('seals')}/questions/seals-q1`
      expect((await call(questionPage.loader, user, question)).status, who).toBe(404)
      expect((await call(questionPage.action, user, `${quizPath('seals')}/questions/new`, matchingForm())).status).toBe(
        404,
      )
    }
    // Another instructor sees the quiz as published, and the page creates no draft for them.
    const preview = await call(quizPage.loader, users.other, quizPath('seals'))
    expect(preview.status).toBe(200)
    expect(JSON.parse(preview.body)).toMatchObject({ canEdit: false })
    expect(await draftOf('seals')).toBeNull()
    for (const form of forms)
      expect((await call(quizPage.action, users.other, quizPath('seals'), form)).status).toBe(404)
    expect(
      (await call(questionPage.action, users.other, `${quizPath('seals')}/questions/new`, matchingForm())).status,
    ).toBe(404)
    expect(await draftOf('seals')).toBeNull()
    expect(await getPrisma().auditLog.count({ where: { action: { startsWith: 'studio.question' } } })).toBe(0)
  })
})

describe('writing questions', () => {
  it('saves a matching question in both languages and opens it again with its structure and texts', async () => {
    const saved = await call(questionPage.action, users.author, `${quizPath('seals')}/questions/new`, matchingForm())
    expect(saved.status).toBe(302)
    expect(saved.location).toBe(`${quizPath('seals')}/questions/seal-types-match?added=1`)
    const page = JSON.parse(
      (await call(questionPage.loader, users.author, `${quizPath('seals')}/questions/seal-types-match`)).body,
    )
    expect(page.defaultValue).toMatchObject({
      type: 'matching',
      points: 2,
      pairs: [
        { id: 'p1', left: { en: 'Bolt seal', ru: 'Болтовая пломба' } },
        { id: 'p2' },
        { id: 'p3', right: { ru: 'Пластиковая лента' } },
      ],
    })
    expect(
      page.statuses.every(
        (s: { state: Record<string, string> }) => s.state.en === 'upToDate' && s.state.ru === 'upToDate',
      ),
    ).toBe(true)
    const audit = await getPrisma().auditLog.findFirst({ where: { action: 'studio.question.added' } })
    expect(audit).toMatchObject({ actorId: users.author.id, details: { quiz: 'seals', question: 'seal-types-match' } })
  })

  it('refuses a single-choice question with two keys, a duplicate pair and a numeric one without a number, in Russian, next to the field, writing nothing', async () => {
    const before = JSON.stringify(await draftOf('seals'))
    const single = await call(questionPage.action, users.author, `${quizPath('seals', 'ru')}/questions/new`, {
      type: 'single',
      points: '1',
      'prompt.en': 'Which seal is a high-security seal?',
      'explanation.en': 'ISO 17712 classes.',
      'options[0].text.en': 'Bolt seal',
      'options[0].correct': 'on',
      'options[1].text.en': 'Cable seal',
      'options[1].correct': 'on',
    })
    expect(single.status).toBe(400)
    expect(JSON.parse(single.body).result.error).toMatchObject({ options: ['question.singleKeyOnly'] })
    const pair = await call(
      questionPage.action,
      users.author,
      `${quizPath('seals', 'ru')}/questions/new`,
      matchingForm({ slug: 'dupe', 'pairs[2].left.ru': 'Болтовая пломба' }),
    )
    expect(pair.status).toBe(400)
    expect(JSON.parse(pair.body).result.error).toMatchObject({ 'pairs[2].left.ru': ['question.pairDuplicate'] })
    const numeric = await call(questionPage.action, users.author, `${quizPath('seals', 'ru')}/questions/new`, {
      type: 'numeric',
      points: '1',
      'prompt.ru': 'Сколько символов в номере контейнера?',
      'explanation.ru': 'Четыре буквы и семь цифр.',
    })
    expect(JSON.parse(numeric.body).result.error).toMatchObject({ answer: ['question.numberRequired'] })
    expect(JSON.stringify(await draftOf('seals'))).toBe(before)
  })

  it('adds and removes parts without saving (the no-JavaScript way), keeping what was typed', async () => {
    const before = JSON.stringify(await draftOf('seals'))
    const answer = await call(questionPage.action, users.author, `${quizPath('seals')}/questions/new`, {
      ...matchingForm(),
      __intent__: JSON.stringify({ type: 'insert', payload: { name: 'pairs' } }),
    })
    expect(answer.status).toBe(200)
    const result = JSON.parse(answer.body).result
    expect(result.initialValue.pairs).toHaveLength(4)
    expect(result.initialValue.pairs[0].left.ru).toBe('Болтовая пломба')
    expect(JSON.stringify(await draftOf('seals'))).toBe(before)
    // A list intent that is not Conform's JSON is a bad request.
    const garbled = await call(questionPage.action, users.author, `${quizPath('seals')}/questions/new`, {
      ...matchingForm(),
      __intent__: 'add-editor',
    })
    expect(garbled.status).toBe(400)
  })

  it('flags the Russian out of date when the English changes, shows the old English, and clears it when confirmed', async () => {
    const path = `${quizPath('seals')}/questions/seal-types-match`
    const page = JSON.parse((await call(questionPage.loader, users.author, path)).body)
    const version = String(page.defaultValue.version)
    const changed = matchingForm({
      version,
      'pairs[1].right.en': 'Braided steel cable',
      'pairs[0].id': 'p1',
      'pairs[1].id': 'p2',
      'pairs[2].id': 'p3',
    })
    expect((await call(questionPage.action, users.author, path, changed)).status).toBe(302)
    const after = JSON.parse((await call(questionPage.loader, users.author, path)).body)
    const flagged = after.statuses.find((s: { path: string }) => s.path === 'pairs.p2.right')
    expect(flagged.state).toEqual({ en: 'upToDate', ru: 'outOfDate' })
    expect(flagged.confirmedSource.ru).toEqual({ locale: 'en', text: 'Steel cable' })
    const list = JSON.parse((await call(quizPage.loader, users.author, quizPath('seals'))).body)
    expect(list.questions.find((q: { slug: string }) => q.slug === 'seal-types-match').languages).toEqual({
      en: 'upToDate',
      ru: 'outOfDate',
    })
    const confirmed = await call(questionPage.action, users.author, path, {
      ...changed,
      version: String(after.defaultValue.version),
      intent: 'confirm',
    })
    expect(confirmed.location).toContain('confirmed=1')
    const done = JSON.parse((await call(questionPage.loader, users.author, path)).body)
    expect(done.statuses.every((s: { state: Record<string, string> }) => s.state.ru === 'upToDate')).toBe(true)
  })

  it('answers 409 to a stale save, keeping the author text; saving again with the new version replaces theirs', async () => {
    const path = `${quizPath('seals')}/questions/seal-types-match`
    const page = JSON.parse((await call(questionPage.loader, users.author, path)).body)
    const base = String(page.defaultValue.version)
    const ids = { 'pairs[0].id': 'p1', 'pairs[1].id': 'p2', 'pairs[2].id': 'p3' }
    expect(
      (await call(questionPage.action, users.author, path, matchingForm({ ...ids, version: base, points: '3' })))
        .status,
    ).toBe(302)
    const stale = await call(
      questionPage.action,
      users.author,
      path,
      matchingForm({ ...ids, version: base, points: '4' }),
    )
    expect(stale.status).toBe(409)
    const body = JSON.parse(stale.body)
    expect(body.result.initialValue.points).toBe('4')
    expect(body.conflict.version).toBe(Number(base) + 1)
    const draft = await draftOf('seals')
    expect(
      (draft?.questions as { slug: string; points: number }[]).find((q) => q.slug === 'seal-types-match')?.points,
    ).toBe(3)
    const again = matchingForm({ ...ids, version: String(body.conflict.version), points: '4' })
    expect((await call(questionPage.action, users.author, path, again)).status).toBe(302)
  })
})

describe('every question type', () => {
  const newQuestion = (form: Record<string, string>) =>
    call(questionPage.action, users.author, `${quizPath('documents', 'ru')}/questions/new`, {
      points: '1',
      'prompt.en': 'Prompt',
      'prompt.ru': 'Вопрос',
      'explanation.en': 'Why',
      'explanation.ru': 'Почему',
      ...form,
    })
  const errorsOf = async (form: Record<string, string>) => {
    const answer = await newQuestion(form)
    expect(answer.status).toBe(400)
    return JSON.parse(answer.body).result.error as Record<string, string[]>
  }

  it("refuses what breaks a type's rules, next to the field", async () => {
    await call(quizPage.loader, users.author, quizPath('documents')) // the editor's first open makes the draft
    const before = JSON.stringify(await draftOf('documents'))
    const option = (index: number, text: string, correct: boolean) => ({
      [`options[${index}].text.en`]: text,
      ...(correct ? { [`options[${index}].correct`]: 'on' } : {}),
    })
    expect(await errorsOf({ type: 'single', ...option(0, 'A', false), ...option(1, 'B', false) })).toMatchObject({
      options: ['question.keyMissing'],
    })
    expect(await errorsOf({ type: 'multiple', ...option(0, 'A', true), ...option(1, 'B', true) })).toMatchObject({
      options: ['question.multipleAllCorrect'],
    })
    expect(await errorsOf({ type: 'single', ...option(0, 'A', true) })).toMatchObject({
      options: ['question.optionsTooFew'],
    })
    expect(await errorsOf({ type: 'true-false' })).toMatchObject({ truth: ['question.truthMissing'] })
    expect(await errorsOf({ type: 'numeric', answer: '3', tolerance: '-1' })).toMatchObject({
      tolerance: ['question.toleranceInvalid'],
    })
    expect(await errorsOf({ type: 'ordering', 'items[0].text.en': 'A', 'items[1].text.en': 'B' })).toMatchObject({
      items: ['question.itemsTooFew'],
    })
    expect(await errorsOf({ type: 'container-check-digit', task: 'spot-wrong', choices: '9' })).toMatchObject({
      choices: ['question.choicesInvalid'],
    })
    expect(await errorsOf({ type: 'true-false', truth: 'true', 'prompt.en': '', 'prompt.ru': '' })).toMatchObject({
      prompt: ['question.textRequired'],
    })
    expect(await errorsOf({ type: 'true-false', truth: 'true', points: '0' })).toMatchObject({
      points: ['question.pointsInvalid'],
    })
    expect(await errorsOf({ type: 'true-false', truth: 'true', slug: 'new' })).toMatchObject({
      slug: ['question.slugInvalid'],
    })
    // A slug another question of the course has, published or in a draft.
    expect(await errorsOf({ type: 'true-false', truth: 'true', slug: 'seals-q1' })).toMatchObject({
      slug: ['question.slugTaken'],
    })
    expect(JSON.stringify(await draftOf('documents'))).toBe(before)
  })

  it('stores each type in the package format: keys, items in their order, number and tolerance, generated task', async () => {
    const saved: Record<string, string>[] = [
      {
        type: 'multiple',
        slug: 'type-multiple',
        'options[0].text.en': 'A',
        'options[0].correct': 'on',
        'options[1].text.en': 'B',
        'options[2].text.en': 'C',
        'options[2].correct': 'on',
      },
      { type: 'true-false', slug: 'type-true-false', truth: 'false' },
      { type: 'numeric', slug: 'type-numeric', answer: '24.5', tolerance: '0.5' },
      {
        type: 'ordering',
        slug: 'type-ordering',
        'items[0].text.en': 'Capture',
        'items[1].text.en': 'Define',
        'items[2].text.en': 'Analyse',
      },
      { type: 'container-check-digit', slug: 'type-check-digit', task: 'spot-wrong', choices: '5' },
    ]
    for (const form of saved) expect((await newQuestion(form)).status, form.type).toBe(302)
    const questions = (await draftOf('documents'))!.questions as Record<string, unknown>[]
    const bySlug = (slug: string) => questions.find((question) => question.slug === slug)
    expect(bySlug('type-multiple')).toMatchObject({
      options: [
        { id: 'a', correct: true },
        { id: 'b', correct: false },
        { id: 'c', correct: true },
      ],
    })
    expect(bySlug('type-true-false')).toMatchObject({ answer: false })
    expect(bySlug('type-numeric')).toMatchObject({ answer: 24.5, tolerance: 0.5 })
    expect(bySlug('type-ordering')).toMatchObject({
      items: [
        { id: 'i1', text: { en: 'Capture' } },
        { id: 'i2', text: { en: 'Define' } },
        { id: 'i3', text: { en: 'Analyse' } },
      ],
    })
    expect(bySlug('type-check-digit')).toMatchObject({ task: 'spot-wrong', choices: 5 })
  })
})

describe('previewing a question', () => {
  it('shows the draft question without its key, scores an answer as an attempt would, and records nothing', async () => {
    const path = `${quizPath('seals', 'ru')}/questions/seal-types-match/preview`
    const before = await Promise.all([getPrisma().quizAttempt.count(), getPrisma().auditLog.count()])
    // Any author may preview, an outsider may not.
    expect((await call(previewPage.loader, users.learner, path)).status).toBe(404)
    const page = await call(previewPage.loader, users.other, path)
    expect(page.status).toBe(200)
    const shown = JSON.parse(page.body)
    expect(shown.question).toMatchObject({
      type: 'matching',
      prompt: 'Сопоставьте пломбу и материал, из которого она изготовлена.',
    })
    expect(page.body).not.toContain('"id":"p1"')
    // Match every left text to its right text, whatever order the right texts were drawn in.
    const draw = JSON.parse(shown.draw) as { order: string[] }
    const form: Record<string, string> = { intent: 'submit', seq: '0', shown: '0', draw: shown.draw }
    shown.question.left.forEach((left: { key: string; text: string }) => {
      const pair = ['Болтовая пломба', 'Тросовая пломба', 'Индикаторная пломба'].indexOf(left.text)
      form[`q0.${left.key}`] = String(draw.order.indexOf(`p${pair + 1}`))
    })
    const right = JSON.parse((await call(previewPage.action, users.other, path, form)).body)
    expect(right.review).toMatchObject({ fraction: 1, points: 4 })
    const wrong = JSON.parse(
      (await call(previewPage.action, users.other, path, { ...form, 'q0.0': '', 'q0.1': '', 'q0.2': '' })).body,
    )
    expect(wrong.review.fraction).toBe(0)
    expect(await Promise.all([getPrisma().quizAttempt.count(), getPrisma().auditLog.count()])).toEqual(before)
    // A draw that is not this question's (parts it does not have, one left out) is refused, not shown.
    for (const forged of [
      '{not json',
      '{"order":["p1","x","p3"],"generated":null}',
      '{"order":["p1","p2"],"generated":null}',
    ]) {
      const tampered = await call(previewPage.action, users.other, path, { ...form, draw: forged })
      expect(tampered.status, forged).toBe(400)
    }
  })
})

describe('publishing', () => {
  it('refuses a question missing its Russian and a pool smaller than an attempt, naming them, and writes nothing learners see', async () => {
    const path = `${quizPath('documents', 'ru')}/questions/new`
    const form = {
      type: 'true-false',
      points: '1',
      'prompt.en': 'A transit declaration may be lodged after the goods leave the office of departure.',
      'explanation.en': 'It is lodged before release for transit.',
      truth: 'false',
    }
    expect((await call(questionPage.action, users.author, path, form)).status).toBe(302)
    await call(quizPage.action, users.author, quizPath('documents'), {
      intent: 'settings',
      version: '0',
      passMark: '70',
      questionsPerAttempt: '9',
      review: 'after-attempt',
    })
    const before = await getPrisma().question.count({ where: { quiz: { module: { slug: 'documents' } } } })
    const refused = await call(quizPage.action, users.author, quizPath('documents', 'ru'), { intent: 'publish' })
    expect(refused.status).toBe(400)
    const problems = JSON.parse(refused.body).problems as { question: string | null; field: string; message: string }[]
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'prompt',
        message: 'quiz.problems.missingTranslation',
        question: expect.stringMatching(/^a-transit-declaration/),
      }),
    )
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'questionsPerAttempt', message: 'quiz.problems.tooFewQuestions' }),
    )
    expect(await getPrisma().question.count({ where: { quiz: { module: { slug: 'documents' } } } })).toBe(before)
  })

  it('publishes: new attempts draw the new question, an attempt in progress keeps its frozen questions, a revision records who', async () => {
    const quiz = await getPrisma().quiz.findFirstOrThrow({
      where: { module: { slug: 'risk', course: { slug: COURSE } } },
    })
    const inProgress = await startAttempt({ userId: users.learner.id, quizId: quiz.id })
    const frozen = (await getPrisma().quizAttempt.findUniqueOrThrow({ where: { id: inProgress.id } })).questions
    // The risk quiz: retire one question, add a matching one, draw 2 from the 2 current ones.
    expect(
      (await call(quizPage.action, users.author, quizPath('risk'), { intent: 'retire', question: 'risk-q1' })).status,
    ).toBe(302)
    const added = await call(
      questionPage.action,
      users.author,
      `${quizPath('risk')}/questions/new`,
      matchingForm({ slug: 'risk-seal-match' }),
    )
    expect(added.status).toBe(302)
    const published = await call(quizPage.action, users.author, quizPath('risk'), {
      intent: 'publish',
      note: 'New matching question',
    })
    expect(published.status).toBe(302)
    expect(published.location).toContain('published=1')
    const questions = await getPrisma().question.findMany({ where: { quizId: quiz.id }, orderBy: { position: 'asc' } })
    expect(questions.map((q) => [q.slug, q.archivedAt === null])).toEqual(
      expect.arrayContaining([
        ['risk-q1', false],
        ['risk-q2', true],
        ['risk-seal-match', true],
      ]),
    )
    expect((await getPrisma().quizAttempt.findUniqueOrThrow({ where: { id: inProgress.id } })).questions).toEqual(
      frozen,
    )
    const revision = await getPrisma().quizRevision.findFirstOrThrow({ where: { quizId: quiz.id } })
    expect(revision).toMatchObject({ number: 1, publishedById: users.author.id, note: 'New matching question' })
    const page = JSON.parse((await call(quizPage.loader, users.author, quizPath('risk'))).body)
    expect(page).toMatchObject({ differs: false, revisions: [{ number: 1, note: 'New matching question' }] })
  })
})

describe('the final exam', () => {
  it('draws a share from every module once the questions name their modules', async () => {
    const exam = `/en/studio/courses/${COURSE}/exam`
    const page = JSON.parse((await call(examPage.loader, users.author, exam)).body)
    expect(page.canEdit).toBe(true)
    for (const [index, moduleSlug] of SLUGS.entries())
      for (const n of [1, 2]) {
        const form = matchingForm({
          slug: `exam-${moduleSlug}-${n}`,
          module: moduleSlug,
          'prompt.en': `Exam ${index} ${n}: match each seal.`,
        })
        expect((await call(examQuestion.action, users.author, `${exam}/questions/new`, form)).status).toBe(302)
      }
    const wrongTotal = {
      intent: 'settings',
      version: '0',
      questionsPerAttempt: '5',
      questionsPerModule: '2',
      review: 'after-pass',
      maxAttempts: '3',
      timeLimitMinutes: '30',
    }
    expect((await call(examPage.action, users.author, exam, wrongTotal)).status).toBe(302)
    const refused = await call(examPage.action, users.author, exam, { intent: 'publish' })
    const problems = JSON.parse(refused.body).problems as { message: string }[]
    expect(problems.map((p) => p.message)).toContain('quiz.problems.perModuleTotal')
    const settings = JSON.parse((await call(examPage.loader, users.author, exam)).body)
    await call(examPage.action, users.author, exam, {
      ...wrongTotal,
      version: String(settings.settingsVersion),
      questionsPerAttempt: '6',
    })
    // The imported exam's own questions name no module: retire them.
    for (const question of settings.questions.filter((q: { module: string | null }) => q.module === null))
      await call(examPage.action, users.author, exam, { intent: 'retire', question: question.slug })
    const published = await call(examPage.action, users.author, exam, { intent: 'publish' })
    expect(published.status, published.body).toBe(302)
    const quiz = await getPrisma().quiz.findFirstOrThrow({ where: { course: { slug: COURSE }, kind: 'FINAL_EXAM' } })
    expect(quiz).toMatchObject({ questionsPerModule: 2, questionsPerAttempt: 6, passMark: 70 })
  })
})

describe('importing over quizzes edited in the studio', () => {
  it('refuses to overwrite a published studio quiz or a quiz draft without --force, and with it leaves the draft and history in step', async () => {
    const base = coursePackage(COURSE)
    const modules = SLUGS.map((slug, index) =>
      module(slug, index + 1, { quiz: quiz([`${slug}-q1`, `${slug}-q2`, `${slug}-q3`]) }),
    )
    const pkg = {
      ...base,
      modules,
      course: { ...base.course, version: 2, completion: { modules: 'all' as const, finalExam: 'required' as const } },
      finalExam: quiz(['exam-a', 'exam-b', 'exam-c'], { maxAttempts: 3, timeLimitMinutes: 30, review: 'after-pass' }),
    }
    // "seals" has an unpublished draft (questions added above), "risk" was published in the studio.
    const refused = await importCoursePackages({ packages: [pkg] }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(StudioWorkWouldBeOverwritten)
    const items = (refused as StudioWorkWouldBeOverwritten).overwrites.filter((item) => item.kind.startsWith('quiz'))
    expect(items).toContainEqual({ course: COURSE, module: 'seals', kind: 'quiz-draft' })
    expect(items).toContainEqual(
      expect.objectContaining({
        module: 'risk',
        kind: 'quiz-published',
        revision: expect.objectContaining({ number: 1, publishedBy: users.author.displayName }),
      }),
    )
    expect(await getPrisma().question.count({ where: { slug: 'risk-q3' } })).toBe(0)

    await importCoursePackages({ packages: [pkg], force: true })
    const risk = await getPrisma().quiz.findFirstOrThrow({
      where: { module: { slug: 'risk', course: { slug: COURSE } } },
    })
    const revisions = await getPrisma().quizRevision.findMany({
      where: { quizId: risk.id },
      orderBy: { number: 'asc' },
    })
    expect(revisions.map((r) => [r.number, r.publishedById])).toEqual([
      [1, users.author.id],
      [2, null],
    ])
    const page = JSON.parse((await call(quizPage.loader, users.author, quizPath('seals'))).body)
    expect(page.differs).toBe(false)
    expect(page.questions.map((q: { slug: string }) => q.slug)).toEqual(['seals-q1', 'seals-q2', 'seals-q3'])
  })
})

describe('publishing a course made in the studio', () => {
  it('refuses a draft course without modules or exam questions, naming what is missing, and publishes a complete one', async () => {
    await createCourse({
      actorId: users.author.id,
      input: {
        intent: 'create',
        slug: 'new-in-studio',
        category: 'border-control',
        title: { en: 'Seal checks', ru: 'Проверка пломб' },
        summary: { en: 'Checking seals.', ru: 'Проверка пломб.' },
        passMark: 70,
      },
    })
    const refused = await call(coursePage.action, users.author, '/ru/studio/courses/new-in-studio', {
      intent: 'publish-course',
    })
    expect(refused.status).toBe(400)
    const named = (answer: { body: string }) =>
      JSON.parse(answer.body).problems.map((p: { message: string; params: { language?: string } }) =>
        [p.message, p.params.language].filter(Boolean).join(' '),
      )
    // Objectives are not asked for at creation: publishing names them, in every language.
    expect(named(refused)).toEqual([
      'coursePublish.objectivesMissing en',
      'coursePublish.objectivesMissing ru',
      'coursePublish.noModules',
      'coursePublish.examNotReady',
    ])
    // Written in Russian only (a draft course's details apply at once): the English ones are still missing.
    const saved = await call(coursePage.action, users.author, '/ru/studio/courses/new-in-studio', {
      intent: 'update',
      version: '0',
      category: 'border-control',
      'title.en': 'Seal checks',
      'title.ru': 'Проверка пломб',
      'summary.en': 'Checking seals.',
      'summary.ru': 'Проверка пломб.',
      'objectives.ru': 'Проверять целостность пломбы.\n\n  Сверять номер пломбы с транзитной декларацией.  ',
      passMark: '70',
    })
    expect(saved.location).toContain('saved=1')
    const stored = await getPrisma().course.findUniqueOrThrow({ where: { slug: 'new-in-studio' } })
    expect(stored.objectives).toEqual({
      en: [],
      ru: ['Проверять целостность пломбы.', 'Сверять номер пломбы с транзитной декларацией.'],
    })
    const again = await call(coursePage.action, users.author, '/ru/studio/courses/new-in-studio', {
      intent: 'publish-course',
    })
    expect(named(again)).toEqual([
      'coursePublish.objectivesMissing en',
      'coursePublish.noModules',
      'coursePublish.examNotReady',
    ])
    expect((await getPrisma().course.findUniqueOrThrow({ where: { slug: 'new-in-studio' } })).status).toBe('DRAFT')
    // Another instructor may not publish it.
    expect(
      (await call(coursePage.action, users.other, '/en/studio/courses/new-in-studio', { intent: 'publish-course' }))
        .status,
    ).toBe(404)

    // The imported course, made a draft again, is complete: it goes back to the catalogue.
    await getPrisma().course.update({ where: { slug: COURSE }, data: { status: 'DRAFT' } })
    const published = await call(coursePage.action, users.author, `/en/studio/courses/${COURSE}`, {
      intent: 'publish-course',
    })
    expect(published.location).toContain('coursePublished=1')
    expect((await getPrisma().course.findUniqueOrThrow({ where: { slug: COURSE } })).status).toBe('PUBLISHED')
    expect(
      await getPrisma().auditLog.count({ where: { action: 'studio.course.published', actorId: users.author.id } }),
    ).toBe(1)
  })
})
