import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursePackages } from '~/modules/content/import.server'
import type { Question } from '~/modules/content/package.schema'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { getAttemptReview } from '~/modules/quiz/quiz-page.server'
import { confirmRegrade, getRegradePreview, RegradeStale } from '~/modules/studio/regrade.server'
import { countRegradeCandidates } from '~/modules/studio/regrade-versions.server'
import { getPrisma } from '~/utils/db.server'
import * as regradePage from '~/routes/$lang.studio.courses.$course.exam_.questions.$question.regrade'
import { coursePackage, module, question, quiz } from '../support/course-package'
import { enrolledLearner, finishedAttempt } from '../support/quiz-attempts'
import { routeAnswer } from '../support/route-answer'
import { createCourseStudioUsers, studioContext, type StudioUsers } from '../support/studio-users'

/*
 * Regrading (ADR 028): an author fixes a wrong key on a published question; finished attempts are
 * graded again with the fixed key, through a preview and a confirm.
 */

const prisma = getPrisma
const EXAM = { course: 'regrade', module: null }
const MODULE_QUIZ = { course: 'regrade', module: 'seals' }

/** Single choice whose key is wrong as shipped: `a` is marked, `b` is right. */
function keyQuestion(slug: string, points: number): Question {
  const { prompt, explanation } = question(slug)
  return {
    slug,
    type: 'single',
    points,
    prompt,
    explanation,
    options: ['a', 'b', 'c'].map((id) => ({
      id,
      text: { en: `Option ${id}`, ru: `Вариант ${id}` },
      correct: id === 'a',
    })),
  }
}

let users: StudioUsers
let courseId: string
const quizId = async (ref: { module: string | null }) =>
  (
    await prisma().quiz.findFirstOrThrow({
      where: ref.module ? { module: { slug: ref.module } } : { course: { slug: 'regrade' }, kind: 'FINAL_EXAM' },
      select: { id: true },
    })
  ).id

/** The author's fix, written as a publish writes the Question row; `prompt` shows texts are not carried over. */
async function fixKey(ref: { module: string | null }, slug: string, { points }: { points?: number } = {}) {
  const row = await prisma().question.findFirstOrThrow({
    where: { slug, quizId: await quizId(ref) },
    select: { id: true, definition: true },
  })
  const definition = row.definition as { options: { id: string; correct: boolean }[]; prompt: object }
  await prisma().question.update({
    where: { id: row.id },
    data: {
      ...(points === undefined ? {} : { points }),
      definition: {
        ...definition,
        prompt: { en: 'A new wording nobody answered', ru: 'Новая формулировка' },
        options: definition.options.map((option) => ({ ...option, correct: option.id === 'b' })),
      },
    },
  })
  return row.id
}

beforeAll(async () => {
  const examQuestions = [keyQuestion('x-key', 2), question('x-tf1'), question('x-tf2')]
  await importCoursePackages({
    packages: [
      coursePackage('regrade', {
        course: { ...coursePackage('regrade').course, completion: { modules: 'all', finalExam: 'required' } },
        modules: [
          module('seals', 1, {
            quiz: quiz([], { questionsPerAttempt: 2, questions: [keyQuestion('m-key', 1), question('m-tf')] }),
          }),
        ],
        finalExam: quiz([], { passMark: 70, questionsPerAttempt: 3, questions: examQuestions }),
      }),
    ],
  })
  courseId = (await prisma().course.findUniqueOrThrow({ where: { slug: 'regrade' }, select: { id: true } })).id
  users = await createCourseStudioUsers({ name: 'regrade', courseId })
})

const certificatesOf = (userId: string) =>
  prisma().certificate.findMany({ where: { userId }, select: { code: true, revokedAt: true } })

describe('regrading a fixed key on the final exam', () => {
  it('previews, then regrades: completes a course once, lists a certificate whose pass is gone', async () => {
    const exam = await quizId(EXAM)
    // Two failed attempts that answered what is really right: both pass once the key is fixed.
    const fixer = await enrolledLearner({ courseId, name: 'Anna Fixed', modulesDone: true })
    for (let i = 0; i < 2; i++)
      await finishedAttempt({
        userId: fixer,
        quizId: exam,
        answers: { 'x-key': { optionId: 'b' }, 'x-tf1': { value: true } },
      })
    // A pass that rested on the wrong key: certified, then failing.
    const lucky = await enrolledLearner({ courseId, name: 'Boris Lucky', modulesDone: true })
    const luckyAnswers = { 'x-key': { optionId: 'a' }, 'x-tf1': { value: true }, 'x-tf2': { value: true } }
    expect(await finishedAttempt({ userId: lucky, quizId: exam, answers: luckyAnswers })).toMatchObject({
      score: 100,
      courseCompleted: true,
    })
    // Wrong under both keys: regraded, score unchanged.
    const wrong = await enrolledLearner({ courseId, name: 'Vera Wrong', modulesDone: true })
    await finishedAttempt({ userId: wrong, quizId: exam, answers: { 'x-key': { optionId: 'c' } } })
    expect(await certificatesOf(fixer)).toHaveLength(0)
    expect(await certificatesOf(lucky)).toHaveLength(1)

    const questionId = await fixKey(EXAM, 'x-key')
    expect(await countRegradeCandidates({ questionIds: [questionId] })).toEqual(new Map([[questionId, 4]]))
    const preview = await getRegradePreview({ ref: EXAM, slug: 'x-key', userId: users.editor.id })
    const rows = preview!.attempts.map((a) => [
      a.learnerName,
      a.number,
      a.oldScore,
      a.oldPassed,
      a.newScore,
      a.newPassed,
    ])
    expect(rows.sort()).toEqual(
      [
        ['Anna Fixed', 1, 25, false, 75, true],
        ['Anna Fixed', 2, 25, false, 75, true],
        ['Boris Lucky', 1, 100, true, 50, false],
        ['Vera Wrong', 1, 0, false, 0, false],
      ].sort(),
    )

    const { outcome } = (await confirmRegrade({
      ref: EXAM,
      slug: 'x-key',
      userId: users.editor.id,
      token: preview!.token,
    }))!
    expect(outcome).toMatchObject({ attempts: 4, scoreChanged: 3, nowPassing: 2, nowFailing: 1, coursesCompleted: 1 })
    const [issued] = await certificatesOf(fixer)
    expect(await certificatesOf(fixer)).toHaveLength(1) // two attempts now pass, one certificate
    expect(issued).toBeDefined()
    const [kept] = await certificatesOf(lucky)
    expect(kept!.revokedAt).toBeNull() // never revoked silently…
    expect(outcome.certificatesToReview).toEqual([
      expect.objectContaining({ code: kept!.code, learnerName: 'Boris Lucky' }),
    ])
    const audit = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'studio.question.regraded', targetId: courseId },
      select: { actorId: true, details: true },
    })
    expect(audit.actorId).toBe(users.editor.id)
    expect(audit.details).toMatchObject({ attempts: 4, nowFailing: 1, certificatesRevoked: 0 }) // …and the entry says so
    expect(await countRegradeCandidates({ questionIds: [questionId] })).toEqual(new Map([[questionId, 0]]))

    // The frozen copy has the new key and its old texts; the learner's review shows the new score.
    const attempt = await prisma().quizAttempt.findFirstOrThrow({
      where: { userId: fixer, number: 1 },
      select: { id: true, questions: true, regradedAt: true },
    })
    const frozen = (attempt.questions as unknown as FrozenQuestion[]).find((q) => q.definition.slug === 'x-key')!
    expect(frozen.definition).toMatchObject({ prompt: question('x-key').prompt })
    expect(frozen.definition.type === 'single' && frozen.definition.options.map((o) => o.correct)).toEqual([
      false,
      true,
      false,
    ])
    expect(attempt.regradedAt).not.toBeNull()
    const review = await getAttemptReview({ attemptId: attempt.id, userId: fixer, locale: 'en' })
    expect(review).toMatchObject({ score: 75, passed: true, regradedAt: attempt.regradedAt })
  })

  it('refuses a preview that is stale: the key changed again, or another confirm came first', async () => {
    const exam = await quizId(EXAM)
    const learner = await enrolledLearner({ courseId, modulesDone: true })
    await finishedAttempt({ userId: learner, quizId: exam, answers: { 'x-tf1': { value: true } } })
    await fixKey(EXAM, 'x-key', { points: 3 })
    const first = await getRegradePreview({ ref: EXAM, slug: 'x-key', userId: users.editor.id })
    await fixKey(EXAM, 'x-key', { points: 4 })
    const before = await prisma().quizAttempt.findMany({
      orderBy: { id: 'asc' },
      select: { score: true, questions: true },
    })
    await expect(
      confirmRegrade({ ref: EXAM, slug: 'x-key', userId: users.editor.id, token: first!.token }),
    ).rejects.toBeInstanceOf(RegradeStale)
    expect(
      await prisma().quizAttempt.findMany({ orderBy: { id: 'asc' }, select: { score: true, questions: true } }),
    ).toEqual(before)

    const fresh = await getRegradePreview({ ref: EXAM, slug: 'x-key', userId: users.editor.id })
    const confirm = () => confirmRegrade({ ref: EXAM, slug: 'x-key', userId: users.editor.id, token: fresh!.token })
    const results = await Promise.allSettled([confirm(), confirm()])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: expect.any(RegradeStale) })
  })
})

describe('regrading a module quiz', () => {
  it('completes the module of a learner whose attempt now passes, as a submit would', async () => {
    const learner = await enrolledLearner({ courseId })
    const quiz = await quizId(MODULE_QUIZ)
    expect(
      await finishedAttempt({
        userId: learner,
        quizId: quiz,
        answers: { 'm-key': { optionId: 'b' }, 'm-tf': { value: true } },
      }),
    ).toMatchObject({ score: 50, passed: false })
    await fixKey(MODULE_QUIZ, 'm-key')
    const preview = await getRegradePreview({ ref: MODULE_QUIZ, slug: 'm-key', userId: users.editor.id })
    await confirmRegrade({ ref: MODULE_QUIZ, slug: 'm-key', userId: users.editor.id, token: preview!.token })
    const progress = await prisma().moduleProgress.findFirst({
      where: { userId: learner },
      select: { completedAt: true },
    })
    expect(progress?.completedAt).not.toBeNull()
  })
})

/** The regrade page's loader or action, as Remix calls it at a quiz's address. */
function call(user: SessionUser | null, path: string, form?: Record<string, string>) {
  const [, lang, course, module, question] =
    /^\/(en|ru)\/studio\/courses\/([^/]+)(?:\/modules\/([^/]+)\/quiz|\/exam)\/questions\/([^/]+)\/regrade/.exec(path) ??
    []
  const params = { lang: lang!, course: course!, question: question!, ...(module ? { module } : {}) }
  const body = form ? new URLSearchParams(form) : undefined
  const request = new Request(`http://localhost${path}`, body ? { method: 'POST', body } : undefined)
  const args = { request, params, context: studioContext(user, lang === 'ru' ? 'ru' : 'en') }
  return routeAnswer(() => (form ? regradePage.action(args) : regradePage.loader(args)))
}

describe('who may regrade', () => {
  it('only the course’s editors: everyone else gets 404 on the page and the confirm, and nothing changes', async () => {
    const exam = await quizId(EXAM)
    const learner = await enrolledLearner({ courseId, modulesDone: true })
    await finishedAttempt({ userId: learner, quizId: exam, answers: { 'x-key': { optionId: 'b' } } })
    await fixKey(EXAM, 'x-key', { points: 5 })
    const path = '/en/studio/courses/regrade/exam/questions/x-key/regrade'
    const page = await call(users.editor, path)
    expect(page.status).toBe(200)
    const { token } = JSON.parse(page.body) as { token: string }
    const before = await prisma().quizAttempt.findMany({ orderBy: { id: 'asc' }, select: { score: true } })
    for (const user of [users.learner, users.manager, null, users.other, users.admin]) {
      expect((await call(user, path)).status).toBe(404)
      expect((await call(user, path, { intent: 'regrade', token })).status).toBe(404)
    }
    expect((await call(users.editor, '/en/studio/courses/regrade/exam/questions/no-such/regrade')).status).toBe(404)
    expect((await call(users.editor, path, { intent: 'regrade', token: 'x' })).status).toBe(400)
    expect(await prisma().quizAttempt.findMany({ orderBy: { id: 'asc' }, select: { score: true } })).toEqual(before)

    const done = await call(users.editor, path, { intent: 'regrade', token })
    expect(done.status).toBe(302)
    expect(done.location).toMatch(/\/en\/studio\/courses\/regrade\/exam\/questions\/x-key\/regrade\?done=/)
    expect((await call(users.editor, path, { intent: 'regrade', token })).status).toBe(409)
    const result = await call(users.editor, done.location!)
    expect(result.status).toBe(200)
    expect(JSON.parse(result.body)).toMatchObject({ outcome: { attempts: expect.any(Number) } })
    expect((await call(users.other, done.location!)).status).toBe(404)
  })
})
