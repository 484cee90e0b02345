import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import type { CourseSummaryRow, MatrixStatus } from '~/modules/manage/matrix'
import { formatScore } from '~/utils/format'
import { StatusIcon } from './matrix-cell'

export type CourseSummary = CourseSummaryRow

export const SUMMARY_COUNTS = [
  ['notStarted', 'not-started', 'matrix.notStartedCount'],
  ['inProgress', 'in-progress', 'matrix.inProgressCount'],
  ['completed', 'completed', 'matrix.completedCount'],
  ['overdue', 'overdue', 'matrix.overdueCount'],
] as const satisfies readonly (readonly [keyof CourseSummary, MatrixStatus, string])[]

export const completedShare = (row: CourseSummary) =>
  row.enrolled === 0 ? 0 : Math.round((row.completed * 100) / row.enrolled)

export function averageScoreText(row: CourseSummary, locale: string) {
  return row.averageScore === null ? '—' : formatScore(row.averageScore, locale)
}

/**
 * One course over the whole administration in two short lines, for the top of the matrix: completed of
 * enrolled, then each status with its icon and count (the words are there for screen readers).
 */
export function CourseSummaryCell({ row }: { row: CourseSummary }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  if (row.enrolled === 0) return <span className="matrix-summary__main">{t('matrix.summaryNobody')}</span>
  return (
    <>
      <span className="matrix-summary__main">
        {t('matrix.summaryCompleted', { completed: row.completed, enrolled: row.enrolled, share: completedShare(row) })}
      </span>
      <span className="matrix-summary__counts">
        {SUMMARY_COUNTS.filter(([key]) => key !== 'completed').map(([key, status, label]) => (
          <span key={key} data-count={status} title={t(label)}>
            <StatusIcon status={status} />
            <span className="visually-hidden">{t(label)}:</span> {row[key]}
          </span>
        ))}
        {row.averageScore === null ? null : (
          <span>{t('matrix.summaryAverage', { score: averageScoreText(row, locale) })}</span>
        )}
      </span>
    </>
  )
}
