// The regrading benchmark's work, run in the benchmark's own process with the app's own services (no server:
// regrading is one request whose cost is the confirm's transaction). Import it only through `withAppModules`:
// the app reads its configuration once, on first use.
import { randomUUID } from 'node:crypto'
import type { Question } from '~/modules/content/package.schema'
import { completeCourseIfDone } from '~/modules/progress/completion.server'
import { drawQuestions, type FrozenQuestion } from '~/modules/quiz/draw'
import { publishedQuestion } from '~/modules/quiz/published-question'
import { gradeAttempt, scoreAnswer } from '~/modules/quiz/scoring'
import { confirmRegrade, getRegradePreview } from '~/modules/studio/regrade.server'
import { countRegradeCandidates } from '~/modules/studio/regrade-versions.server'
import { DEMO_COURSE_EDITOR } from '~/setup/demo-data'
import { prepareDatabase } from '~/setup/startup.server'
import { getPrisma } from '~/utils/db.server'
import { seededRandom } from '../../tests/support/seeded-random'

const BATCH = 200

/** An answer to a frozen question: the key's own for most (75 %), a wrong one or none for the others. */
function answerTo(question: Question, random: () => number): unknown {
  const right = random() < 0.75
  switch (question.type) {
    case 'single': {
      const wrong = question.options.filter((option) => !option.correct)
      const pick = right
        ? question.options.find((option) => option.correct)
        : wrong[Math.floor(random() * wrong.length)]
      return { optionId: pick!.id }
    }
    case 'multiple':
      return { optionIds: question.options.filter((option) => option.correct === right).map((option) => option.id) }
    case 'true-false':
      return { value: right ? question.answer : !question.answer }
    case 'numeric':
      return { value: right ? question.answer : question.answer + 1 }
    case 'matching':
      return { matches: right ? Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id])) : {} }
    case 'ordering':
      return { order: right ? question.items.map((item) => item.id) : [] }
    case 'container-check-digit':
      return null
  }
}

/**
 * The server's first start (migrations, demo data, shipped courses); then `count` learners of `courseSlug`,
 * every module complete, each with one finished final exam attempt that drew `question` (a single-choice
 * question) and was graded by the app's scoring; then the question's key moved to another option, as an
 * author's fix publishes it. Returns what the confirm needs.
 */
export async function setUpRegrade({ count, courseSlug }: { count: number; courseSlug: string }) {
  await prepareDatabase()
  const prisma = getPrisma()
  const exam = await prisma.quiz.findFirstOrThrow({
    where: { course: { slug: courseSlug }, kind: 'FINAL_EXAM' },
    select: {
      id: true,
      passMark: true,
      questionsPerAttempt: true,
      courseId: true,
      course: { select: { modules: { where: { archivedAt: null }, select: { id: true } } } },
      questions: { where: { archivedAt: null }, orderBy: { position: 'asc' } },
    },
  })
  const pool = exam.questions.map((row) => ({ id: row.id, points: row.points, question: publishedQuestion(row) }))
  const target = pool.find((entry) => entry.question.type === 'single')
  if (!target) throw new Error(`${courseSlug}'s final exam has no single-choice question`)
  // The key as shipped marks one option; the author's fix (below) moves it to the next. Most learners picked
  // the option the fix makes right, so the fix changes many scores and lifts some attempts over the pass mark.
  const row = exam.questions.find((question) => question.id === target.id)!
  const definition = row.definition as { options: { id: string; correct?: boolean }[] }
  const marked = definition.options.findIndex((option) => option.correct)
  const fixed = (marked + 1) % definition.options.length
  const [markedOption, fixedOption] = [definition.options[marked]!.id, definition.options[fixed]!.id]
  const random = seededRandom(20261207)
  const submittedAt = new Date()
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start)
    const users = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      email: `regrade-${start + index + 1}@bench.test`,
      displayName: `Bench Learner ${start + index + 1}`,
      passwordHash: 'x',
    }))
    await prisma.user.createMany({ data: users })
    await prisma.enrolment.createMany({ data: users.map((user) => ({ userId: user.id, courseId: exam.courseId })) })
    await prisma.moduleProgress.createMany({
      data: users.flatMap((user) =>
        exam.course.modules.map((module) => ({ userId: user.id, moduleId: module.id, completedAt: submittedAt })),
      ),
    })
    const attempts = users.map((user) => {
      const drawn = drawQuestions({
        pool,
        count: exam.questionsPerAttempt,
        shuffleQuestions: true,
        shuffleOptions: true,
        random,
      })
      if (!drawn.some((question) => question.questionId === target.id))
        drawn[0] = {
          questionId: target.id,
          order: target.question.type === 'single' ? target.question.options.map((o) => o.id) : null,
          generated: null,
        }
      const byId = new Map(pool.map((entry) => [entry.id, entry]))
      const questions: FrozenQuestion[] = drawn.map((question) => ({
        ...question,
        points: byId.get(question.questionId)!.points,
        definition: byId.get(question.questionId)!.question,
      }))
      const answers = questions.map((question) =>
        question.questionId === target.id
          ? { optionId: random() < 0.6 ? fixedOption : markedOption }
          : answerTo(question.definition, random),
      )
      const grade = gradeAttempt({
        passMark: exam.passMark,
        items: questions.map((question, position) => ({
          points: question.points,
          fraction: scoreAnswer(question.definition, answers[position], question.generated),
        })),
      })
      return { id: randomUUID(), userId: user.id, questions, answers, grade }
    })
    await prisma.quizAttempt.createMany({
      data: attempts.map(({ id, userId, questions, grade }) => ({
        id,
        quizId: exam.id,
        userId,
        number: 1,
        status: 'SUBMITTED' as const,
        questions: questions as unknown as object[],
        startedAt: submittedAt,
        submittedAt,
        closedBy: 'learner',
        score: grade.percent,
        passed: grade.passed,
      })),
    })
    await prisma.attemptAnswer.createMany({
      data: attempts.flatMap(({ id, answers }) =>
        answers.flatMap((answer, position) =>
          answer === undefined ? [] : [{ attemptId: id, position, answer: answer as object, seq: 1 }],
        ),
      ),
    })
    // A pass completed the course and issued its certificate, as the submit did.
    for (const attempt of attempts.filter((each) => each.grade.passed))
      await prisma.$transaction((tx) => completeCourseIfDone(tx, { userId: attempt.userId, courseId: exam.courseId }))
  }
  // The author's fix: the key moves from the marked option to the next one.
  await prisma.question.update({
    where: { id: row.id },
    data: {
      definition: {
        ...definition,
        options: definition.options.map((option, index) => ({ ...option, correct: index === fixed })),
      },
    },
  })
  const editor = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_COURSE_EDITOR }, select: { id: true } })
  return { questionId: target.id, slug: row.slug, editorId: editor.id }
}

/** Times the preview and the confirm of regrading, and checks that every attempt was regraded. */
export async function measureRegrade({
  courseSlug,
  questionId,
  slug,
  editorId,
}: {
  courseSlug: string
  questionId: string
  slug: string
  editorId: string
}) {
  const ref = { course: courseSlug, module: null }
  const prisma = getPrisma()
  const certificatesBefore = await prisma.certificate.count()
  const previewStarted = performance.now()
  const preview = await getRegradePreview({ ref, slug, userId: editorId })
  const previewMs = performance.now() - previewStarted
  if (!preview) throw new Error(`the demo instructor cannot regrade ${slug}`)
  const confirmStarted = performance.now()
  const done = await confirmRegrade({ ref, slug, userId: editorId, token: preview.token })
  const confirmMs = performance.now() - confirmStarted
  if (!done) throw new Error('the confirm found no question')
  const left = (await countRegradeCandidates({ questionIds: [questionId] })).get(questionId)
  const regradedRows = await prisma.quizAttempt.count({ where: { regradedAt: { not: null } } })
  return {
    previewMs,
    confirmMs,
    outcome: done.outcome,
    candidatesLeft: left ?? 0,
    regradedRows,
    certificatesIssued: (await prisma.certificate.count()) - certificatesBefore,
  }
}
