import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/data-table'
import type { getQuizOverview } from '~/modules/quiz/quiz-page.server'
import { formatScore } from '~/utils/format'
import { LocalTime } from './local-time'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { SubmitButton } from './submit-button'

type Overview = NonNullable<Awaited<ReturnType<typeof getQuizOverview>>>

/** What the start button depends on: enrolment, the open attempt, the limits and the last result. */
type StartState = Pick<
  Overview,
  'kind' | 'enrolled' | 'openAttemptId' | 'examLocked' | 'attemptsLeft' | 'passed' | 'timeLimitMinutes' | 'attempts'
>

/**
 * Start, retake or continue an attempt, or why not. `conflictAttemptId`: the attempt another tab opened
 * meanwhile, when starting one was refused with a 409.
 */
export function StartOrContinue({ quiz, conflictAttemptId }: { quiz: StartState; conflictAttemptId?: string }) {
  const locale = useLocale()
  const { t } = useTranslation('learning')
  if (conflictAttemptId)
    return (
      <div role="alert">
        <p>{t('quiz.alreadyInProgress')}</p>
        <Link className="button" to={href(locale, '/attempts/:attempt', { attempt: conflictAttemptId })}>
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
      <SubmitButton name="intent" value="start" className="button">
        {label}
      </SubmitButton>
    </Form>
  )
}

/** The learner's attempts at one quiz, newest first, each leading to the attempt or its review. */
export function AttemptHistory({ attempts }: { attempts: Overview['attempts'] }) {
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
      rows={attempts}
      row={(attempt) => (
        <tr key={attempt.id}>
          <td>{attempt.number}</td>
          <td>
            <LocalTime value={attempt.submittedAt ?? attempt.startedAt} style="dateTime" />
          </td>
          <td>{attempt.score === null ? '—' : `${formatScore(attempt.score, locale)}%`}</td>
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
