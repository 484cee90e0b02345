import { DEFAULT_LOCALE, type Locale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import { getPrisma } from '~/utils/db.server'
import { seqAt } from './answer-form'
import { closeExpiredAttempts, isExpired } from './attempt.server'
import { countingAttempts } from './counting-attempts'
import type { FrozenQuestion } from './draw'
import { toPublicAnswer, toPublicQuestion } from './public-question'
import { unansweredPositions } from './answered'
import { nextStepAfterPass } from './next-step'
import { reviewItem } from './review'
import { findLatestOwnCertificate } from '~/modules/certificates/certificates.server'
import { reviewAllowed, type ReviewPolicy } from './review-policy'

/*
 * What the quiz pages read: the quiz overview with the learner's history, the attempt form and the
 * review. Every query names the learner; another learner's attempt is "not found", never "forbidden".
 */

const attemptSummary = {
  id: true,
  number: true,
  status: true,
  startedAt: true,
  submittedAt: true,
  deadline: true,
  score: true,
  passed: true,
  closedBy: true,
  regradedAt: true,
} as const

/** The id of a published course's final exam (no module slug) or of a current module's quiz. */
export async function findQuizId({ courseSlug, moduleSlug }: { courseSlug: string; moduleSlug: string | null }) {
  const where = {
    course: { slug: courseSlug, status: 'PUBLISHED' as const },
    ...(moduleSlug
      ? { kind: 'MODULE' as const, module: { slug: moduleSlug, archivedAt: null } }
      : { kind: 'FINAL_EXAM' as const }),
  }
  return (await getPrisma().quiz.findFirst({ where, select: { id: true } }))?.id ?? null
}

/** A quiz (see findQuizId) with its settings and the learner's attempts. */
export async function getQuizOverview({
  userId,
  courseSlug,
  moduleSlug,
}: {
  userId: string
  courseSlug: string
  moduleSlug: string | null
}) {
  const quizId = await findQuizId({ courseSlug, moduleSlug })
  if (!quizId) return null
  // An attempt whose time ran out is graded before the page shows the history.
  await closeExpiredAttempts({ userId, quizId })
  const quiz = await getPrisma().quiz.findUniqueOrThrow({
    where: { id: quizId },
    select: {
      id: true,
      kind: true,
      passMark: true,
      maxAttempts: true,
      timeLimitMinutes: true,
      questionsPerAttempt: true,
      review: true,
      course: {
        select: {
          id: true,
          slug: true,
          title: true,
          enrolments: { where: { userId }, select: { id: true, renewedAt: true } },
          modules: {
            where: { archivedAt: null },
            select: { progress: { where: { userId, completedAt: { not: null } }, select: { moduleId: true } } },
          },
        },
      },
      module: { select: { slug: true, title: true } },
      attempts: { where: { userId }, orderBy: { number: 'desc' }, select: attemptSummary },
    },
  })
  const { course, attempts, ...settings } = quiz
  const modulesDone = course.modules.every((module) => module.progress.length > 0)
  const counting = countingAttempts(attempts, { kind: quiz.kind, renewedAt: course.enrolments[0]?.renewedAt })
  return {
    ...settings,
    review: settings.review as ReviewPolicy,
    course: { id: course.id, slug: course.slug, title: course.title },
    enrolled: course.enrolments.length > 0,
    examLocked: quiz.kind === 'FINAL_EXAM' && !modulesDone,
    attempts,
    openAttemptId: attempts.find((attempt) => attempt.status === 'IN_PROGRESS')?.id ?? null,
    attemptsLeft: settings.maxAttempts === null ? null : Math.max(0, settings.maxAttempts - counting.length),
    passed: counting.some((attempt) => attempt.passed),
  }
}

async function findAttempt({ attemptId, userId }: { attemptId: string; userId: string }) {
  return getPrisma().quizAttempt.findFirst({
    where: { id: attemptId, userId },
    select: {
      ...attemptSummary,
      quizId: true,
      questions: true,
      answers: { select: { position: true, answer: true } },
      quiz: {
        select: {
          kind: true,
          passMark: true,
          review: true,
          course: {
            select: {
              id: true,
              slug: true,
              title: true,
              enrolments: { where: { userId }, select: { completedAt: true } },
            },
          },
          module: { select: { slug: true, title: true } },
        },
      },
    },
  })
}

/**
 * The learner's attempt, closed first when its time (and grace) ran out — so an attempt left open
 * in a tab that was closed is graded the next time the learner comes by.
 */
async function findCurrentAttempt(args: { attemptId: string; userId: string }) {
  const attempt = await findAttempt(args)
  if (!attempt || attempt.status !== 'IN_PROGRESS') return attempt
  if (!isExpired(attempt.deadline, new Date())) return attempt
  const closed = await closeExpiredAttempts({ userId: args.userId, quizId: attempt.quizId })
  return closed.length > 0 ? findAttempt(args) : attempt
}

type FoundAttempt = NonNullable<Awaited<ReturnType<typeof findAttempt>>>

/** The quiz an attempt belongs to: its name in the learner's language, and where it hangs. */
function quizPlace({ course, module }: FoundAttempt['quiz'], locale: Locale) {
  return {
    quizName: localizedName((module ?? course).title, locale),
    quizPlace: { courseSlug: course.slug, moduleSlug: module?.slug ?? null },
  }
}

const savedByPosition = (answers: FoundAttempt['answers']) => new Map(answers.map((row) => [row.position, row.answer]))

/** The attempt form: public questions only — no key, no flag, no explanation — and the saved answers. */
export async function getAttemptForm({
  attemptId,
  userId,
  locale,
}: {
  attemptId: string
  userId: string
  locale: Locale
}) {
  const attempt = await findCurrentAttempt({ attemptId, userId })
  if (!attempt) return null
  const { questions, answers, quiz, ...summary } = attempt
  const frozen = questions as unknown as FrozenQuestion[]
  const saved = savedByPosition(answers)
  const shown = frozen.map((question, position) => ({
    position,
    question: toPublicQuestion(question, locale),
    answer: toPublicAnswer(question, saved.get(position)),
  }))
  return {
    ...summary,
    ...quizPlace(quiz, locale),
    seq: seqAt(summary.startedAt),
    questions: shown,
    /** Positions without a saved answer: the page asks before such an attempt is submitted. */
    unanswered: unansweredPositions(shown),
  }
}

/** The unanswered positions of the learner's open attempt; null when it is not open (or not theirs). */
export async function findUnansweredPositions({ attemptId, userId }: { attemptId: string; userId: string }) {
  const attempt = await getAttemptForm({ attemptId, userId, locale: DEFAULT_LOCALE })
  return attempt?.status === 'IN_PROGRESS' ? attempt.unanswered : null
}

/**
 * What the result of a passed attempt leads to: after a module's quiz the next step of the course
 * (another module, or the final exam once it is open); after the final exam the certificate it issued.
 */
async function findAfterPass(quiz: FoundAttempt['quiz'], userId: string) {
  if (!quiz.module) {
    const certificate = await findLatestOwnCertificate({ userId, courseId: quiz.course.id })
    return { nextStep: null, certificate }
  }
  const course = await getPrisma().course.findUniqueOrThrow({
    where: { id: quiz.course.id },
    select: {
      quizzes: { where: { kind: 'FINAL_EXAM' }, select: { id: true } },
      modules: {
        where: { archivedAt: null },
        orderBy: { position: 'asc' },
        select: {
          slug: true,
          title: true,
          progress: { where: { userId, completedAt: { not: null } }, select: { moduleId: true } },
        },
      },
    },
  })
  const modules = course.modules.map(({ progress, ...module }) => ({ ...module, done: progress.length > 0 }))
  const nextStep = nextStepAfterPass({ modules, current: quiz.module.slug, hasExam: course.quizzes.length > 0 })
  return { nextStep, certificate: null }
}

/** The graded attempt with as much review as the quiz's policy allows the learner to see now. */
export async function getAttemptReview({
  attemptId,
  userId,
  locale,
}: {
  attemptId: string
  userId: string
  locale: Locale
}) {
  const attempt = await findCurrentAttempt({ attemptId, userId })
  if (!attempt) return null
  const { questions, answers, quiz, quizId, ...summary } = attempt
  const policy = quiz.review as ReviewPolicy
  const passedBefore = await getPrisma().quizAttempt.count({ where: { quizId, userId, passed: true } })
  const allowed = summary.status === 'SUBMITTED' && reviewAllowed(policy, { passed: passedBefore > 0 })
  const saved = savedByPosition(answers)
  const afterPass = summary.passed ? await findAfterPass(quiz, userId) : { nextStep: null, certificate: null }
  return {
    ...summary,
    ...quizPlace(quiz, locale),
    ...afterPass,
    courseSlug: quiz.course.slug,
    quiz: { kind: quiz.kind, passMark: quiz.passMark, review: policy },
    courseCompletedAt: quiz.course.enrolments[0]?.completedAt ?? null,
    questionCount: (questions as unknown[]).length,
    items: allowed
      ? (questions as unknown as FrozenQuestion[]).map((question, position) =>
          reviewItem(question, saved.get(position), locale),
        )
      : null,
  }
}
