import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { QuizBreadcrumb } from '~/components/quiz-analysis/quiz-breadcrumb'
import { ItemGlossary, QuestionStatistics } from '~/components/quiz-analysis/item-statistics'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { quizHref, quizRefFromParams } from '~/modules/studio/quiz-ref'
import { getQuizStatistics } from '~/modules/studio/item-statistics.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

/*
 * Item analysis of a quiz's questions (ADR 028). Any author may look, as at every studio page (ADR 018);
 * learners, coordinators and visitors get 404. Served for a module's quiz too (app/routes.ts).
 */

export const handle = { i18n: ['quiz-analysis'] }

export async function loader(args: LoaderFunctionArgs) {
  requirePermissionOrNotFound(args, 'author:courses')
  const { locale } = args.context
  const ref = quizRefFromParams(args.params)
  const statistics = await getQuizStatistics({ ref })
  invariantResponse(statistics, 'Not found', { status: 404 })
  const { quiz } = statistics
  const t = getServerT(locale, 'quiz-analysis')
  const quizName = quiz.module ? localizedName(quiz.module.title, locale) : t('exam')
  return {
    title: t('statistics.metaTitle', { quiz: quizName }),
    ref,
    quiz: { courseTitle: quiz.course.title, moduleTitle: quiz.module?.title ?? null },
    finishedAttempts: quiz.finishedAttempts,
    questions: statistics.questions.map(({ prompt, options, ...question }) => ({
      ...question,
      prompt: localizedName(prompt, locale),
      options: options?.map(({ text, ...option }) => ({ ...option, text: localizedName(text, locale) })) ?? null,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function QuizStatisticsPage() {
  const page = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('quiz-analysis')
  return (
    <>
      <QuizBreadcrumb quizRef={page.ref} quiz={page.quiz} />
      <h1>{t('statistics.title')}</h1>
      <p className="lead">{t('statistics.intro', { count: page.finishedAttempts })}</p>
      <ItemGlossary />
      {page.finishedAttempts === 0 ? <p role="status">{t('statistics.empty')}</p> : null}
      <ol className="item-statistics">
        {page.questions.map((question) => (
          <QuestionStatistics key={question.slug} question={question} />
        ))}
      </ol>
      <p>
        <Link to={quizHref(locale, page.ref)}>{t('statistics.backToQuiz')}</Link>
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
