import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import type { QuizProblem } from '~/modules/studio/errors'
import { quizHref, type QuizRef } from '~/modules/studio/quiz-ref'
import type { TFunction } from 'i18next'

/** A problem's parameters for the reader: language codes (`en`, `ru`) become language names. */
export function readableParams(t: TFunction<'studio'>, params: Record<string, string | number>) {
  const named = (codes: string | number) =>
    String(codes)
      .split(', ')
      .map((code) => t(`languageName.${code}`, { defaultValue: code }))
      .join(', ')
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      key === 'language' || key === 'languages' ? named(value) : value,
    ]),
  )
}

/**
 * What stops the draft from being published, each with a link to the question it concerns. Shown before
 * the author presses Publish (so nothing surprises them) and, as an alert, when publishing was refused.
 */
export function ProblemList({ problems, refused }: { problems: QuizProblem[]; refused: boolean }) {
  const { ref } = useLoaderData<{ ref: QuizRef }>()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  if (problems.length === 0) return <p>{t('quiz.readyToPublish')}</p>
  return (
    <div className={refused ? 'alert' : 'notice'} role={refused ? 'alert' : undefined}>
      <p>{refused ? t('quiz.publishRefused') : t('quiz.notReady')}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.question ? (
              <>
                <Link to={quizHref(locale, ref, `/questions/${problem.question}`)}>{problem.question}</Link>
                {problem.field ? ` (${problem.field})` : ''}:{' '}
              </>
            ) : null}
            {t(problem.message, readableParams(t, problem.params))}
          </li>
        ))}
      </ul>
    </div>
  )
}
