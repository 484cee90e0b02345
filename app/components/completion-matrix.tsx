import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MATRIX_STATUSES } from '~/modules/manage/matrix'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

interface MatrixCourse {
  slug: string
  title: string
}

interface MatrixRow {
  id: string
  displayName: string
  email: string
  unit: string | null
  deactivated: boolean
  cells: { state: string; overdue: boolean; text: string }[]
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
        <select id="matrix-course" name="course" defaultValue={filters.course} aria-describedby="matrix-filter-hint">
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
        <select
          id="matrix-status"
          name="status"
          defaultValue={filters.status ?? ''}
          aria-describedby="matrix-filter-hint"
        >
          <option value="">{t('matrix.anyStatus')}</option>
          {MATRIX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`matrix.status.${status}`)}
            </option>
          ))}
        </select>
        <p id="matrix-filter-hint" className="hint">
          {t('matrix.filterHint')}
        </p>
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

/** Officers × courses; a course's heading sorts by progress in it (again: the other way round). */
export function CompletionMatrixTable({
  courses,
  officers,
  caption,
  administrationCode,
}: {
  courses: MatrixCourse[]
  officers: MatrixRow[]
  caption: string
  administrationCode: string
}) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
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
    <div className="table-wrap">
      <table className="matrix">
        <caption>{caption}</caption>
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
          {officers.map((officer) => (
            <tr key={officer.id} data-officer={officer.email}>
              <th scope="row">
                <Link
                  to={href(locale, '/manage/officers/:officer', {
                    officer: officer.id,
                    query: { administration: administrationCode },
                  })}
                >
                  {officer.displayName}
                </Link>
                {officer.unit ? <span className="hint"> · {officer.unit}</span> : null}
                {officer.deactivated ? <span className="hint"> · {t('matrix.deactivated')}</span> : null}
              </th>
              {officer.cells.map((cell, index) => (
                <td
                  key={courses[index]!.slug}
                  data-course={courses[index]!.slug}
                  data-state={cell.state}
                  className={cell.overdue ? 'status--disabled' : undefined}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
