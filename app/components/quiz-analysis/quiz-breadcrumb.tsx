import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { quizHref, type QuizRef } from '~/modules/studio/quiz-ref'

/** The quiz's name in the reader's language: its module's title, or "Final exam". */
export function useQuizName(quiz: { moduleTitle: unknown }) {
  const locale = useLocale()
  const { t } = useTranslation('quiz-analysis')
  return quiz.moduleTitle ? localizedName(quiz.moduleTitle, locale) : t('exam')
}

/** Studio › course › quiz, above the pages below a quiz (statistics, regrading). */
export function QuizBreadcrumb({
  quizRef,
  quiz,
}: {
  quizRef: QuizRef
  quiz: { courseTitle: unknown; moduleTitle: unknown }
}) {
  const locale = useLocale()
  const { t } = useTranslation('quiz-analysis')
  return (
    <nav aria-label={t('breadcrumb')} className="breadcrumb">
      <Link to={href(locale, '/studio')}>{t('allCourses')}</Link>
      {' › '}
      <Link to={href(locale, '/studio/courses/:course', { course: quizRef.course })}>
        {localizedName(quiz.courseTitle, locale) || quizRef.course}
      </Link>
      {' › '}
      <Link to={quizHref(locale, quizRef)}>{useQuizName(quiz)}</Link>
    </nav>
  )
}
