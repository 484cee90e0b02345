import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import { monthStart } from '~/modules/manage/completions'
import type { MonthComparison } from '~/modules/manage/dashboard'
import { formatMonth } from '~/utils/format'
import { filteredMatrix } from './matrix-link'

interface FiguresProps {
  administrationCode: string
  officers: { active: number; invited: number; deactivated: number }
  overdue: number
  courses: { slug: string; title: string; overdue: number }[]
  completions: MonthComparison
}

/** The three numbers a coordinator looks for first, each with what it is made of. */
export function DashboardFigures({ administrationCode, officers, overdue, courses, completions }: FiguresProps) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const late = courses.filter((course) => course.overdue > 0)
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" className="visually-hidden">
        {t('dashboard.figures')}
      </h2>
      <ul className="figures">
        <li className="figure" data-figure="officers">
          <h3 className="figure__label">{t('dashboard.officers')}</h3>
          <p className="figure__value">{officers.active + officers.invited}</p>
          <p className="figure__detail">
            {t('dashboard.activeInvited', { active: officers.active, invited: officers.invited })}
          </p>
          {officers.deactivated > 0 ? (
            <p className="figure__detail">{t('dashboard.deactivated', { count: officers.deactivated })}</p>
          ) : null}
        </li>
        <li className={overdue > 0 ? 'figure figure--alert' : 'figure'} data-figure="overdue">
          <h3 className="figure__label">{t('dashboard.overdue')}</h3>
          <p className="figure__value">{overdue}</p>
          {late.length === 0 ? (
            <p className="figure__detail">{t('dashboard.nothingOverdue')}</p>
          ) : (
            <ul className="figure__links">
              {late.map((course) => (
                <li key={course.slug}>
                  <Link to={filteredMatrix(locale, administrationCode, course.slug, 'overdue')}>
                    {t('dashboard.overdueIn', { count: course.overdue, course: course.title })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </li>
        <li className="figure" data-figure="completions">
          <h3 className="figure__label">{t('dashboard.completions')}</h3>
          <p className="figure__value">{completions.thisMonth.count}</p>
          <p className="figure__detail">
            {t('dashboard.thisMonth', { month: formatMonth(monthStart(completions.thisMonth.key), locale) })}
          </p>
          <p className="figure__detail">
            {t('dashboard.lastMonth', {
              count: completions.lastMonth.count,
              month: formatMonth(monthStart(completions.lastMonth.key), locale),
            })}{' '}
            {changeText(completions.change, t)}
          </p>
        </li>
      </ul>
    </section>
  )
}

function changeText(change: number, t: (key: string, options?: Record<string, unknown>) => string) {
  if (change === 0) return t('dashboard.same')
  return change > 0 ? t('dashboard.more', { count: change }) : t('dashboard.fewer', { count: -change })
}
