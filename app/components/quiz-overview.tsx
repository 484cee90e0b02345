import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/data-table'
import type { action as startQuizAction, loader as quizOverviewLoader } from '~/routes/$lang.courses.$course.exam'
import { formatDateTime, formatNumber } from '~/utils/format'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

type Overview = Awaited<ReturnType<typeof quizOverviewLoader>>

/** A quiz's settings, the learner's attempts and the button to start (or continue) one. */
export function QuizOverviewPage() {
  const quiz = useLoaderData<Overview>()
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
        <StartOrContinue quiz={quiz} />
      </section>
      <AttemptHistory quiz={quiz} />
    </article>
  )
}

function StartOrContinue({ quiz }: { quiz: Overview }) {
  const locale = useLocale()
  const { t } = useTranslation('learning')
  const conflict = useActionData<typeof startQuizAction>()
  if (conflict?.openAttemptId)
    return (
      <div role="alert">
        <p>{t('quiz.alreadyInProgress')}</p>
        <Link className="button" to={href(locale, '/attempts/:attempt', { attempt: conflict.openAttemptId })}>
          {t('quiz.continue')}
        </Link>
      </div>
    )
  if (!quiz.enrolled) return <p role="status">{t('quiz.notEnrolled')}</p>
  if (quiz.openAttemptId)
    return (
      <Link className="button" to={href(locale, '/attempts/:attempt', { attempt: quiz.openAttemptId })}>
        {t('quiz.continue')}
      </Link>
    )
  if (quiz.examLocked) return <p role="status">{t('quiz.examLocked')}</p>
  if (quiz.attemptsLeft === 0)
    return <p role="status">{quiz.passed ? t('quiz.passedNotice') : t('quiz.noAttemptsLeft')}</p>
  const label =
    quiz.attempts.length > 0 ? t('quiz.retake') : quiz.kind === 'FINAL_EXAM' ? t('quiz.startExam') : t('quiz.start')
  return (
    <Form method="post">
      {quiz.passed ? <p role="status">{t('quiz.passedNotice')}</p> : null}
      {quiz.timeLimitMinutes ? <p>{t('quiz.timedWarning')}</p> : null}
      <button type="submit" name="intent" value="start" className="button">
        {label}
      </button>
    </Form>
  )
}

function AttemptHistory({ quiz }: { quiz: Overview }) {
  const locale = useLocale()
  const { t } = useTranslation('learning')
  return (
    <DataTable
      title={t('quiz.history')}
      empty={t('quiz.noAttempts')}
      columns={[
        t('quiz.attemptNumber'),
        t('quiz.date'),
        t('quiz.score'),
        t('quiz.result'),
        <span key="review" className="visually-hidden">
          {t('quiz.openReview')}
        </span>,
      ]}
      rows={quiz.attempts}
      row={(attempt) => (
        <tr key={attempt.id}>
          <td>{attempt.number}</td>
          <td>{formatDateTime(attempt.submittedAt ?? attempt.startedAt, locale)}</td>
          <td>{attempt.score === null ? '—' : `${formatNumber(attempt.score, locale)}%`}</td>
          <td>
            {attempt.status === 'IN_PROGRESS'
              ? t('quiz.inProgress')
              : attempt.passed
                ? t('quiz.passed')
                : t('quiz.failed')}
            {attempt.closedBy === 'deadline' ? ` (${t('quiz.closedByTime')})` : null}
          </td>
          <td>
            {attempt.status === 'IN_PROGRESS' ? (
              <Link to={href(locale, '/attempts/:attempt', { attempt: attempt.id })}>{t('quiz.openAttempt')}</Link>
            ) : (
              <Link to={href(locale, '/attempts/:attempt/review', { attempt: attempt.id })}>
                {t('quiz.openReview')}
                <span className="visually-hidden"> {attempt.number}</span>
              </Link>
            )}
          </td>
        </tr>
      )}
    />
  )
}
