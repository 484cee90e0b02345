import { formatDate, formatNumber } from '~/utils/format'
import { withPercent, type CourseProgress } from '~/modules/progress/progress'

/** What a matrix filter can ask of one course's cell; overdue is past due and not completed, started or not. */
export const MATRIX_STATUSES = ['not-enrolled', 'not-started', 'in-progress', 'completed', 'overdue'] as const
export type MatrixStatus = (typeof MATRIX_STATUSES)[number]

/** What one cell of the completion matrix says about one officer and one course. */
export type MatrixCell =
  | { state: 'not-enrolled' }
  | { state: 'not-started'; dueAt: Date | null; overdue: boolean }
  | { state: 'in-progress'; progress: CourseProgress; dueAt: Date | null; overdue: boolean }
  | { state: 'completed'; completedAt: Date; finalScore: number | null }

export interface CellFacts {
  enrolled: boolean
  completedAt: Date | null
  finalScore: number | null
  dueAt: Date | null
  /** Current modules of the course, and how many of them the officer opened and completed. */
  total: number
  opened: number
  completed: number
}

/**
 * A course the officer has opened nothing of is "not started", whatever the enrolment date; overdue
 * means past the due date and not completed (a completed course is never overdue, even if late).
 */
export function matrixCell(facts: CellFacts, now: Date): MatrixCell {
  if (!facts.enrolled) return { state: 'not-enrolled' }
  if (facts.completedAt) return { state: 'completed', completedAt: facts.completedAt, finalScore: facts.finalScore }
  const overdue = facts.dueAt !== null && facts.dueAt.getTime() < now.getTime()
  if (facts.opened === 0) return { state: 'not-started', dueAt: facts.dueAt, overdue }
  return {
    state: 'in-progress',
    progress: withPercent({ total: facts.total, completed: facts.completed }),
    dueAt: facts.dueAt,
    overdue,
  }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/** A cell in words, the same on the page and in the exports, in the reader's language (`manage` keys). */
export function describeCell(cell: MatrixCell, { t, locale }: { t: Translate; locale: string }): string {
  switch (cell.state) {
    case 'not-enrolled':
      return t('matrix.notEnrolled')
    case 'completed': {
      const done = t('matrix.completed', { date: formatDate(cell.completedAt, locale) })
      return cell.finalScore === null
        ? done
        : `${done}, ${t('matrix.score', { score: formatNumber(cell.finalScore, locale) })}`
    }
    default: {
      const state =
        cell.state === 'not-started'
          ? t('matrix.notStarted')
          : t('matrix.inProgress', { percent: cell.progress.percent })
      const due = cell.dueAt
        ? t(cell.overdue ? 'matrix.overdue' : 'matrix.due', { date: formatDate(cell.dueAt, locale) })
        : null
      return due ? `${state}, ${due}` : state
    }
  }
}
