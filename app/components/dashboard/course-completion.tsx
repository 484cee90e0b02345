import { useId } from 'react'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { scaleLinear } from '@visx/scale'
import { useLocale } from '~/i18n/use-locale'
import { completedPercent } from '~/modules/manage/dashboard'
import type { CourseSummaryRow } from '~/modules/manage/matrix'
import { CHART_COLOURS } from '../completions-chart'
import { ScrollTable } from '../data-table'
import { filteredMatrix } from './matrix-link'

type Course = CourseSummaryRow

// Drawn for a phone's width, like the completions chart: a viewBox scales it to the page.
const WIDTH = 360
const ROW = 44
const LABEL = 16
const BAR = 16
const PLOT = { left: 0, right: 48 }
// SVG text does not wrap: a longer title is cut to what fits the width (the table and the description
// under the chart have it whole).
const LABEL_CHARACTERS = 52

const shortLabel = (title: string) =>
  title.length <= LABEL_CHARACTERS ? title : `${title.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…`

/** Completed share per course as bars, and the same numbers (with overdue, linking to the matrix) as a table. */
export function CourseCompletion({ administrationCode, courses }: { administrationCode: string; courses: Course[] }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  return (
    <section aria-labelledby="course-completion-title" className="dashboard-section">
      <h2 id="course-completion-title">{t('dashboard.byCourse')}</h2>
      {courses.length === 0 ? (
        <p>{t('dashboard.noCourses')}</p>
      ) : (
        <>
          <figure className="chart">
            <CompletionBars courses={courses} />
          </figure>
          <ScrollTable
            caption={t('dashboard.byCourseCaption')}
            captionHidden
            columns={[
              t('matrix.course'),
              t('matrix.enrolled'),
              t('matrix.completedCount'),
              t('matrix.completedShare'),
              t('matrix.notStartedCount'),
              t('matrix.inProgressCount'),
              t('matrix.overdueCount'),
            ]}
          >
            {courses.map((course) => (
              <tr key={course.slug} data-course={course.slug}>
                <th scope="row">{course.title}</th>
                <td data-count="enrolled">{course.enrolled}</td>
                <td data-count="completed">{course.completed}</td>
                <td data-count="share">{completedPercent(course)}</td>
                <td data-count="not-started">{course.notStarted}</td>
                <td data-count="in-progress">{course.inProgress}</td>
                <td data-count="overdue">
                  {course.overdue === 0 ? (
                    0
                  ) : (
                    <Link
                      to={filteredMatrix(locale, administrationCode, course.slug, 'overdue')}
                      aria-label={t('dashboard.overdueLink', { count: course.overdue, course: course.title })}
                    >
                      {course.overdue}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </section>
  )
}

function CompletionBars({ courses }: { courses: Course[] }) {
  const { t } = useTranslation('manage')
  const id = useId()
  const height = courses.length * ROW
  const x = scaleLinear<number>({ domain: [0, 100], range: [PLOT.left, WIDTH - PLOT.right] })
  const summary = courses
    .map((course) => t('dashboard.barSummary', { course: course.title, share: completedPercent(course) }))
    .join('; ')
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="chart__svg"
    >
      <title id={`${id}-title`}>{t('dashboard.byCourse')}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {courses.map((course, index) => {
        const share = completedPercent(course)
        const top = index * ROW
        return (
          <g key={course.slug} data-course={course.slug}>
            <text x={0} y={top + LABEL - 4} fontSize={12} fill="currentColor">
              {shortLabel(course.title)}
            </text>
            <rect x={x(0)} y={top + LABEL} width={x(100) - x(0)} height={BAR} className="chart__track" />
            <rect x={x(0)} y={top + LABEL} width={x(share) - x(0)} height={BAR} fill={CHART_COLOURS[0]} />
            <text x={x(100) + 6} y={top + LABEL + BAR - 3} fontSize={12} fill="currentColor">
              {`${share} %`}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
