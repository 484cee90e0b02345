import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { z } from 'zod'
import { QuizOverviewPage } from '~/components/quiz-overview'
import { requireUser } from '~/edge/guard.server'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import {
  AttemptInProgress,
  AttemptLimitReached,
  AttemptNotFound,
  ExamLocked,
  startAttempt,
} from '~/modules/quiz/attempt.server'
import { findQuizId, getQuizOverview } from '~/modules/quiz/quiz-page.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

/*
 * A course's final exam, and also a module's quiz (/:lang/courses/:course/modules/:module/quiz, mapped
 * to this module in app/routes.ts): the two differ only in where the quiz hangs.
 */
export const handle = { i18n: ['learning'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  const moduleSlug = args.params.module ?? null
  const quiz = await getQuizOverview({ userId: user.id, courseSlug: args.params.course ?? '', moduleSlug })
  invariantResponse(quiz, 'learning:quiz.notFound', { status: 404 })
  const { locale } = args.context
  const t = getServerT(locale, 'learning')
  const courseTitle = localizedName(quiz.course.title, locale)
  const moduleTitle = quiz.module ? localizedName(quiz.module.title, locale) : null
  return {
    title: moduleTitle
      ? t('quiz.moduleQuizTitle', { module: moduleTitle })
      : t('quiz.examTitle', { course: courseTitle }),
    kind: quiz.kind,
    courseSlug: quiz.course.slug,
    courseTitle,
    module: quiz.module && { slug: quiz.module.slug, title: moduleTitle ?? '' },
    passMark: quiz.passMark,
    maxAttempts: quiz.maxAttempts,
    timeLimitMinutes: quiz.timeLimitMinutes,
    questionsPerAttempt: quiz.questionsPerAttempt,
    review: quiz.review,
    enrolled: quiz.enrolled,
    examLocked: quiz.examLocked,
    passed: quiz.passed,
    attemptsLeft: quiz.attemptsLeft,
    openAttemptId: quiz.openAttemptId,
    attempts: quiz.attempts,
  }
}

const StartSchema = z.object({ intent: z.literal('start') })

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args)
  const moduleSlug = args.params.module ?? null
  const quizId = await findQuizId({ courseSlug: args.params.course ?? '', moduleSlug })
  invariantResponse(quizId, 'learning:quiz.notFound', { status: 404 })
  const form = StartSchema.safeParse(Object.fromEntries(await args.request.formData()))
  invariantResponse(form.success, 'common:errors.unknownForm', { status: 400 })
  try {
    const attempt = await startAttempt({ userId: user.id, quizId })
    return redirect(href(args.context.locale, '/attempts/:attempt', { attempt: attempt.id }))
  } catch (error) {
    // A second tab or a double click: a 409 whose page offers to continue the open attempt.
    if (error instanceof AttemptInProgress) return data({ openAttemptId: error.attemptId }, { status: 409 })
    invariantResponse(!(error instanceof AttemptLimitReached), 'learning:quiz.limitReached', { status: 409 })
    invariantResponse(!(error instanceof ExamLocked), 'learning:quiz.locked', { status: 409 })
    invariantResponse(!(error instanceof AttemptNotFound), 'learning:quiz.notEnrolled', { status: 403 })
    throw error
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default QuizOverviewPage
