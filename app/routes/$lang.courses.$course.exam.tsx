import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { z } from '~/utils/zod'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AttemptHistory, StartOrContinue } from '~/components/quiz-attempts'
import { requireUser } from '~/edge/guard.server'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
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
import { readForm } from '~/edge/request-form.server'

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
  const form = StartSchema.safeParse(Object.fromEntries(await readForm(args.request)))
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

/** A quiz's settings, the learner's attempts and the button to start (or continue) one. */
export default function QuizOverviewPage() {
  const quiz = useLoaderData<typeof loader>()
  const conflict = useActionData<typeof action>()
  const locale = useLocale()
  const { t } = useTranslation('learning')
  const courseUrl = href(locale, '/courses/:course', { course: quiz.courseSlug })
  return (
    <article className="quiz">
      <nav aria-label={t('reader.breadcrumb')} className="breadcrumb">
        <Link to={courseUrl}>{quiz.courseTitle}</Link>
        {quiz.module ? (
          <>
            <span aria-hidden="true"> › </span>
            <Link
              to={href(locale, '/courses/:course/modules/:module', {
                course: quiz.courseSlug,
                module: quiz.module.slug,
              })}
            >
              {quiz.module.title}
            </Link>
          </>
        ) : null}
      </nav>
      <h1>{quiz.title}</h1>
      <section className="card" aria-labelledby="quiz-settings">
        <h2 id="quiz-settings">{t('quiz.settings')}</h2>
        <ul className="quiz-facts">
          <li>{t('quiz.questions', { count: quiz.questionsPerAttempt })}</li>
          <li>{t('quiz.passMark', { passMark: quiz.passMark })}</li>
          <li>
            {quiz.maxAttempts === null
              ? t('quiz.attemptsUnlimited')
              : t('quiz.attemptsLimited', { used: quiz.attempts.length, max: quiz.maxAttempts })}
          </li>
          <li>
            {quiz.timeLimitMinutes ? t('quiz.timeLimit', { minutes: quiz.timeLimitMinutes }) : t('quiz.noTimeLimit')}
          </li>
        </ul>
        <p>{t(`quiz.review.${quiz.review}`)}</p>
        <StartOrContinue quiz={quiz} conflictAttemptId={conflict?.openAttemptId} />
      </section>
      <AttemptHistory attempts={quiz.attempts} />
    </article>
  )
}
