import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

/**
 * The way to a course's final exam: a link once every module is complete (the exam is open), else
 * how many modules are left before it opens — never a link to a locked page.
 */
export function FinalExamLink({
  courseSlug,
  modulesLeft,
  primary = false,
}: {
  courseSlug: string
  modulesLeft: number
  primary?: boolean
}) {
  const locale = useLocale()
  const { t } = useTranslation('learning')
  if (modulesLeft > 0) return <p className="hint">{t('course.examAfterModules', { count: modulesLeft })}</p>
  return (
    <p>
      <Link
        className={primary ? 'button' : 'button button--secondary'}
        to={href(locale, '/courses/:course/exam', { course: courseSlug })}
      >
        {t('quiz.takeExam')}
      </Link>
    </p>
  )
}
