import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursePackages } from '~/modules/content/import.server'
import type { Question } from '~/modules/content/package.schema'
import { startAttempt } from '~/modules/quiz/attempt.server'
import { getQuizStatistics } from '~/modules/studio/item-statistics.server'
import { getPrisma } from '~/utils/db.server'
import * as statisticsPage from '~/routes/$lang.studio.courses.$course.exam_.statistics'
import { coursePackage, module, question, quiz } from '../support/course-package'
import { enrolledLearner, finishedAttempt } from '../support/quiz-attempts'
import { routeAnswer } from '../support/route-answer'
import { createCourseStudioUsers, studioContext, type StudioUsers } from '../support/studio-users'

/*
 * Item statistics (ADR 028) on ten seeded attempts whose answers are chosen so that every number can be
 * worked out by hand: total scores 100, 80, 60, 40 ×4, 20, 0, 0 — the upper group (27 % of 10, rounded:
 * 3) is the first three, the lower group the last three, with no tie on either boundary.
 */

const prisma = getPrisma
const REF = { course: 'items', module: 'seals' }

const options = (correct: string[]) =>
  ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    text: { en: `Option ${id}`, ru: `Вариант ${id}` },
    correct: correct.includes(id),
  }))
const { prompt, explanation } = question('x')
const single: Question = { slug: 's1', type: 'single', points: 2, prompt, explanation, options: options(['a']) }
const multiple: Question = {
  slug: 'm1',
  type: 'multiple',
  points: 2,
  prompt,
  explanation,
  options: options(['a', 'b']),
}

/** Per learner: s1's option, m1's options, t1's answer (undefined: not answered). */
const ANSWERS: [string, string[] | undefined, boolean | undefined][] = [
  ['a', ['a', 'b'], true], // 5 of 5 points: 100
  ['a', ['a'], true], // 2 + 1 + 1: 80
  ['a', ['a', 'c'], true], // 2 + 0 + 1: 60
  ['a', undefined, false], // 40
  ['a', undefined, undefined], // 40
  ['b', ['a'], true], // 0 + 1 + 1: 40
  ['b', ['b'], true], // 40
  ['c', undefined, true], // 20
  ['c', undefined, false], // 0
  ['c', ['c', 'd'], undefined], // 0: a multiple choice never scores below 0
]

let users: StudioUsers

beforeAll(async () => {
  await importCoursePackages({
    packages: [
      coursePackage('items', {
        modules: [
          module('seals', 1, {
            quiz: quiz([], { passMark: 50, questionsPerAttempt: 3, questions: [single, multiple, question('t1')] }),
          }),
        ],
      }),
    ],
  })
  const course = await prisma().course.findUniqueOrThrow({ where: { slug: 'items' }, select: { id: true } })
  users = await createCourseStudioUsers({ name: 'items', courseId: course.id })
  const quizId = (await prisma().quiz.findFirstOrThrow({ where: { module: { slug: 'seals' } }, select: { id: true } }))
    .id
  for (const [s1, m1, t1] of ANSWERS) {
    const learner = await enrolledLearner({ courseId: course.id })
    const answers: Record<string, unknown> = { s1: { optionId: s1 } }
    if (m1) answers.m1 = { optionIds: m1 }
    if (t1 !== undefined) answers.t1 = { value: t1 }
    await finishedAttempt({ userId: learner, quizId, answers })
  }
  // An unfinished attempt counts for nothing; t1 is retired afterwards; a question added later was never drawn.
  const unfinished = await startAttempt({ userId: await enrolledLearner({ courseId: course.id }), quizId })
  await prisma().attemptAnswer.create({
    data: { attemptId: unfinished.id, position: 0, answer: { optionId: 'd' }, seq: 1 },
  })
  await prisma().question.updateMany({ where: { quizId, slug: 't1' }, data: { archivedAt: new Date() } })
  await prisma().question.create({
    data: { quizId, slug: 'fresh', position: 9, type: 'true-false', points: 1, definition: question('fresh') },
  })
})

describe('item statistics', () => {
  it('gives facility, discrimination and option picks per question, exactly', async () => {
    const statistics = await getQuizStatistics({ ref: REF })
    expect(statistics!.quiz.finishedAttempts).toBe(10)
    const rows = statistics!.questions.map(
      ({ slug, retired, drawn, facility, discrimination, bandSize, flags, options }) => ({
        slug,
        retired,
        drawn,
        facility: facility === null ? null : Number(facility.toFixed(4)),
        discrimination: discrimination === null ? null : Number(discrimination.toFixed(4)),
        bandSize,
        flags,
        picks: options?.map((option) => [option.id, option.correct, option.picks]),
      }),
    )
    expect(rows).toEqual([
      {
        slug: 's1',
        retired: false,
        drawn: 10,
        facility: 0.5,
        discrimination: 1,
        bandSize: 3,
        flags: ['unpickedOption'],
        picks: [
          ['a', true, 5],
          ['b', false, 2],
          ['c', false, 3],
          ['d', false, 0],
        ],
      },
      {
        slug: 'm1',
        retired: false,
        drawn: 10,
        facility: 0.25, // (1 + 0.5 + 0 + 0.5 + 0.5) / 10
        discrimination: 0.5, // upper (1 + 0.5 + 0) / 3, lower 0
        bandSize: 3,
        flags: ['hard'],
        picks: [
          ['a', true, 4],
          ['b', true, 2],
          ['c', false, 2],
          ['d', false, 1],
        ],
      },
      {
        slug: 'fresh',
        retired: false,
        drawn: 0,
        facility: null,
        discrimination: null,
        bandSize: 0,
        flags: [],
        picks: undefined,
      },
      {
        slug: 't1',
        retired: true,
        drawn: 10,
        facility: 0.6,
        discrimination: 0.6667, // upper 3 of 3 right, lower 1 of 3
        bandSize: 3,
        flags: [],
        picks: undefined,
      },
    ])
  })
})

function call(user: SessionUser | null, path: string) {
  const [, lang, course, module] =
    /^\/(en|ru)\/studio\/courses\/([^/]+)(?:\/modules\/([^/]+)\/quiz|\/exam)\/statistics/.exec(path) ?? []
  const params = { lang: lang!, course: course!, ...(module ? { module } : {}) }
  const request = new Request(`http://localhost${path}`)
  return routeAnswer(() =>
    statisticsPage.loader({ request, params, context: studioContext(user, lang === 'ru' ? 'ru' : 'en') }),
  )
}

describe('who may see them', () => {
  it('any author; learners, coordinators and visitors get 404', async () => {
    const path = '/ru/studio/courses/items/modules/seals/quiz/statistics'
    for (const user of [users.editor, users.other, users.admin]) expect((await call(user, path)).status).toBe(200)
    for (const user of [users.learner, users.manager, null]) expect((await call(user, path)).status).toBe(404)
    expect((await call(users.editor, '/en/studio/courses/items/modules/no-such/quiz/statistics')).status).toBe(404)
    expect((await call(users.editor, '/en/studio/courses/no-such/exam/statistics')).status).toBe(404)
    const page = JSON.parse((await call(users.other, path)).body) as { questions: { prompt: string }[] }
    expect(page.questions[0]!.prompt).toBe(prompt.ru)
  })
})
