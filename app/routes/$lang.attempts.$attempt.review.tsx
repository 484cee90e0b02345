import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AfterPass } from '~/components/after-pass'
import { ReviewedQuestion } from '~/components/reviewed-question'
import { localizedName } from '~/i18n/localized'
import { requireUser } from '~/edge/guard.server'
import { getAttemptReview } from '~/modules/quiz/quiz-page.server'
import { formatDate, formatScore } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { quizHref } from '~/edge/quiz-href'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['learning', 'certificates'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  const { attempt: attemptId = '' } = args.params
  const { locale } = args.context
  const review = await getAttemptReview({ attemptId, userId: user.id, locale })
  invariantResponse(review, 'learning:attempt.notFound', { status: 404 })
  if (review.status === 'IN_PROGRESS') throw redirect(href(locale, '/attempts/:attempt', { attempt: review.id }))
  const { quiz, quizName, quizPlace } = review
  return {
    title: quizName,
    quizName,
    quizUrl: quizHref(locale, quizPlace),
    kind: quiz.kind,
    review: quiz.review,
    passMark: quiz.passMark,
    score: review.score ?? 0,
    passed: review.passed === true,
    closedByTime: review.closedBy === 'deadline',
    regradedAt: review.regradedAt,
    courseCompleted: quiz.kind === 'FINAL_EXAM' && review.courseCompletedAt !== null,
    courseSlug: review.courseSlug,
    nextStep:
      review.nextStep?.kind === 'module'
        ? { kind: 'module' as const, slug: review.nextStep.slug, title: localizedName(review.nextStep.title, locale) }
        : review.nextStep,
    certificate: review.certificate,
    items: review.items,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function AttemptReview() {
  const result = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('learning')
  return (
    <article className="review">
      <h1>{t('review.title', { quiz: result.quizName })}</h1>
      <section
        className={`card result ${result.passed ? 'result--passed' : 'result--failed'}`}
        aria-label={t('quiz.result')}
      >
        <p className="result__verdict">{result.passed ? t('review.passed') : t('review.failed')}</p>
        <p>{t('review.score', { score: formatScore(result.score, locale) })}</p>
        <p>{t('review.passMark', { passMark: result.passMark })}</p>
        {result.closedByTime ? <p>{t('review.closedByTime')}</p> : null}
        {result.regradedAt ? <p>{t('review.regradedOn', { date: formatDate(result.regradedAt, locale) })}</p> : null}
        {result.passed && result.kind === 'MODULE' ? <p role="status">{t('review.moduleCompleted')}</p> : null}
        {result.courseCompleted ? <p role="status">{t('review.courseCompleted')}</p> : null}
      </section>
      <AfterPass courseSlug={result.courseSlug} nextStep={result.nextStep} certificate={result.certificate} />
      {result.items ? (
        <ol className="review__items">
          {result.items.map((item, index) => (
            <ReviewedQuestion key={index} item={item} />
          ))}
        </ol>
      ) : (
        <p>{result.review === 'after-pass' ? t('review.hiddenAfterPass') : t('review.hiddenNever')}</p>
      )}
      <p>
        <Link to={result.quizUrl} className="button">
          {t('review.backToQuiz')}
        </Link>
      </p>
    </article>
  )
}
