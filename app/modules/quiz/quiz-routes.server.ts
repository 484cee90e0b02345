import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/config'
import { getServerT } from '~/i18n/i18n.server'
import { requireUser } from '~/modules/auth/guard.server'
import { localizedName } from '~/i18n/localized'
import { invariantResponse } from '~/utils/http'
import { AttemptInProgress, AttemptLimitReached, AttemptNotFound, ExamLocked, startAttempt } from './attempt.server'
import { findQuizId, getQuizOverview } from './quiz-page.server'

/*
 * The loader and action behind both quiz overview pages — a module's quiz and a course's final
 * exam — which differ only in where the quiz hangs.
 */

const localeOf = (lang: string | undefined): Locale => (isLocale(lang) ? lang : DEFAULT_LOCALE)

export async function quizOverviewLoader(args: LoaderFunctionArgs, moduleSlug: string | null) {
  const user = requireUser(args)
  const quiz = await getQuizOverview({ userId: user.id, courseSlug: args.params.course ?? '', moduleSlug })
  invariantResponse(quiz, 'learning:quiz.notFound', { status: 404 })
  const locale = localeOf(args.params.lang)
  const t = await getServerT(args.request, 'learning')
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

export async function startQuizAction(args: ActionFunctionArgs, moduleSlug: string | null) {
  const user = requireUser(args)
  const quizId = await findQuizId({ courseSlug: args.params.course ?? '', moduleSlug })
  invariantResponse(quizId, 'learning:quiz.notFound', { status: 404 })
  const form = StartSchema.safeParse(Object.fromEntries(await args.request.formData()))
  invariantResponse(form.success, 'common:errors.unknownForm', { status: 400 })
  const attemptUrl = (id: string) => `/${localeOf(args.params.lang)}/attempts/${id}`
  try {
    const attempt = await startAttempt({ userId: user.id, quizId })
    return redirect(attemptUrl(attempt.id))
  } catch (error) {
    // A second tab or a double click: a 409 whose page offers to continue the open attempt.
    if (error instanceof AttemptInProgress) return data({ openAttemptId: error.attemptId }, { status: 409 })
    invariantResponse(!(error instanceof AttemptLimitReached), 'learning:quiz.limitReached', { status: 409 })
    invariantResponse(!(error instanceof ExamLocked), 'learning:quiz.locked', { status: 409 })
    invariantResponse(!(error instanceof AttemptNotFound), 'learning:quiz.notEnrolled', { status: 403 })
    throw error
  }
}
