import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MATRIX_STATUSES, type MatrixViewCell } from '~/modules/manage/matrix'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { MatrixCellContent } from './matrix-cell'
import { CourseSummaryCell, type CourseSummary } from './matrix-summary'

export interface MatrixCourse {
  slug: string
  title: string
}

export interface MatrixRow {
  id: string
  displayName: string
  email: string
  unit: string | null
  deactivated: boolean
  cells: MatrixViewCell[]
}

/** The filter fields that only the matrix has: one course's status. Sits inside `OfficerFilters`. */
export function CourseStatusFilter({
  courses,
  filters,
}: {
  courses: MatrixCourse[]
  filters: { course: string; status: string | null; sort: string; dir: string }
}) {
  const { t } = useTranslation('manage')
  return (
    <>
      <div className="field">
        <label htmlFor="matrix-course">{t('matrix.filterCourse')}</label>
        <select id="matrix-course" name="course" defaultValue={filters.course}>
          <option value="">{t('matrix.anyCourse')}</option>
          {courses.map((course) => (
            <option key={course.slug} value={course.slug}>
              {course.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="matrix-status">{t('matrix.filterStatus')}</label>
        <select id="matrix-status" name="status" defaultValue={filters.status ?? ''}>
          <option value="">{t('matrix.anyStatus')}</option>
          {MATRIX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`matrix.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {filters.sort ? (
        <>
          <input type="hidden" name="sort" value={filters.sort} />
          <input type="hidden" name="dir" value={filters.dir} />
        </>
      ) : null}
    </>
  )
}

/** An officer's name linking to the transcript, with unit and account state. */
export function OfficerName({ officer, administrationCode }: { officer: MatrixRow; administrationCode: string }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  return (
    <>
      <Link
        to={href(locale, '/manage/officers/:officer', {
          officer: officer.id,
          query: { administration: administrationCode },
        })}
      >
        {officer.displayName}
      </Link>
      {officer.unit ? <span className="matrix-officer__unit">{officer.unit}</span> : null}
      {officer.deactivated ? <span className="hint">{t('matrix.deactivated')}</span> : null}
    </>
  )
}

/**
 * Officers × courses; a course's heading sorts by progress in it (again: the other way round). The box
 * scrolls both ways itself, so the header row and the officers' column stay in view (sticky).
 */
export function CompletionMatrixTable({
  courses,
  officers,
  summary,
  caption,
  administrationCode,
}: {
  courses: MatrixCourse[]
  officers: MatrixRow[]
  summary: CourseSummary[]
  caption: string
  administrationCode: string
}) {
  const { t } = useTranslation('manage')
  const [searchParams] = useSearchParams()
  const sorted = searchParams.get('sort')
  const direction = searchParams.get('dir') === 'desc' ? 'desc' : 'asc'
  const sortLink = (slug: string | null) => {
    const next = new URLSearchParams(searchParams)
    for (const key of ['page', 'changed', 'assigned', 'sort', 'dir']) next.delete(key)
    if (slug) {
      next.set('sort', slug)
      next.set('dir', sorted === slug && direction === 'asc' ? 'desc' : 'asc')
    }
    return `?${next}`
  }
  const ariaSort = (slug: string) => (sorted === slug ? (direction === 'asc' ? 'ascending' : 'descending') : undefined)
  return (
    <div className="matrix-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
      <table className="matrix">
        <caption id="matrix-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sorted ? undefined : 'ascending'}>
              <Link to={sortLink(null)} preventScrollReset>
                {t('matrix.officer')}
              </Link>
            </th>
            {courses.map((course) => (
              <th key={course.slug} scope="col" aria-sort={ariaSort(course.slug)}>
                <Link to={sortLink(course.slug)} preventScrollReset>
                  {course.title}
                  <span className="visually-hidden">
                    {' '}
                    {t(
                      sorted === course.slug && direction === 'asc' ? 'matrix.sortDescending' : 'matrix.sortAscending',
                    )}
                  </span>
                  {sorted === course.slug ? <span aria-hidden="true">{direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="matrix-summary-row" data-summary="">
            <th scope="row">{t('matrix.summaryRow')}</th>
            {courses.map((course) => {
              const row = summary.find((candidate) => candidate.slug === course.slug)
              return <td key={course.slug}>{row ? <CourseSummaryCell row={row} /> : null}</td>
            })}
          </tr>
          {officers.map((officer) => (
            <tr key={officer.id} data-officer={officer.email}>
              <th scope="row" className="matrix-officer">
                <OfficerName officer={officer} administrationCode={administrationCode} />
              </th>
              {officer.cells.map((cell, index) => (
                <td
                  key={courses[index]!.slug}
                  data-course={courses[index]!.slug}
                  data-state={cell.state}
                  data-status={cell.status}
                  className={`matrix-cell matrix-cell--${cell.status}`}
                >
                  <MatrixCellContent cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** On a phone the wide table gives way to a list: each officer with their courses underneath. */
export function OfficerCourseList({
  courses,
  officers,
  summary,
  administrationCode,
  count,
}: {
  courses: MatrixCourse[]
  officers: MatrixRow[]
  summary: CourseSummary[]
  administrationCode: string
  /** How many officers match, in words. */
  count: string
}) {
  const { t } = useTranslation('manage')
  return (
    <div className="matrix-cards">
      <section className="matrix-card matrix-card--summary" aria-labelledby="matrix-cards-summary">
        <h2 id="matrix-cards-summary" className="matrix-officer">
          {t('matrix.summaryRow')}
        </h2>
        <dl>
          {summary.map((row) => (
            <div key={row.slug} data-course={row.slug}>
              <dt>{row.title}</dt>
              <dd>
                <CourseSummaryCell row={row} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <p id="matrix-cards-caption" className="matrix-cards__caption">
        {t('matrix.cards')} · {count}
      </p>
      <ul aria-labelledby="matrix-cards-caption">
        {officers.map((officer) => (
          <li key={officer.id} className="matrix-card" data-officer={officer.email}>
            <p className="matrix-officer">
              <OfficerName officer={officer} administrationCode={administrationCode} />
            </p>
            <dl>
              {officer.cells.map((cell, index) => (
                <div
                  key={courses[index]!.slug}
                  data-course={courses[index]!.slug}
                  data-status={cell.status}
                  className={`matrix-cell matrix-cell--${cell.status}`}
                >
                  <dt>{courses[index]!.title}</dt>
                  <dd>
                    <MatrixCellContent cell={cell} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  )
}
