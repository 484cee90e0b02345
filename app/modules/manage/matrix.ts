import { formatDate, formatScore } from '~/utils/format'
import { withPercent, type CourseProgress } from '~/modules/progress/progress'

/** What a matrix filter can ask of one course's cell; overdue is past due and not completed, started or not. */
export const MATRIX_STATUSES = ['not-enrolled', 'not-started', 'in-progress', 'completed', 'overdue'] as const
export type MatrixStatus = (typeof MATRIX_STATUSES)[number]

/** What one cell of the completion matrix says about one officer and one course. */
export type MatrixCell =
  | { state: 'not-enrolled' }
  | { state: 'not-started'; dueAt: Date | null; overdue: boolean }
  | { state: 'in-progress'; progress: CourseProgress; dueAt: Date | null; overdue: boolean }
  | { state: 'completed'; completedAt: Date; finalScore: number | null; dueAt: Date | null }

/** One course over an administration's officers (`getCourseSummary`), its states counted as the cells'. */
export interface CourseSummaryRow<Title = string> {
  slug: string
  title: Title
  enrolled: number
  assigned: number
  notStarted: number
  inProgress: number
  completed: number
  averageScore: number | null
  overdue: number
}

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
 * Progress is counted in completed modules, so a course with none completed is "not started" even when
 * a module was opened: "in progress, 0 %" would contradict itself (ADR 031). Overdue means past the due
 * date and not completed (a completed course is never overdue, even if late).
 */
export function matrixCell(facts: CellFacts, now: Date): MatrixCell {
  if (!facts.enrolled) return { state: 'not-enrolled' }
  if (facts.completedAt) {
    return { state: 'completed', completedAt: facts.completedAt, finalScore: facts.finalScore, dueAt: facts.dueAt }
  }
  const overdue = facts.dueAt !== null && facts.dueAt.getTime() < now.getTime()
  if (facts.completed === 0) return { state: 'not-started', dueAt: facts.dueAt, overdue }
  return {
    state: 'in-progress',
    progress: withPercent({ total: facts.total, completed: facts.completed }),
    dueAt: facts.dueAt,
    overdue,
  }
}

/** The one status a cell shows in the legend and exports: overdue wins over not started and in progress. */
export function cellStatus(cell: MatrixCell): MatrixStatus {
  return 'overdue' in cell && cell.overdue ? 'overdue' : cell.state
}

/** Percent of the course's current modules completed; none when not enrolled. */
export function cellPercent(cell: MatrixCell): number | null {
  switch (cell.state) {
    case 'not-enrolled':
      return null
    case 'not-started':
      return 0
    case 'in-progress':
      return cell.progress.percent
    case 'completed':
      return 100
  }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * A cell in two parts (scores to one decimal; the database and the exports keep them exact), in the reader's language (`manage` keys): what it is ("In progress, 40 %",
 * "Completed 1 October 2026") and what else matters (the due date or how late, the final score).
 */
export function describeCellParts(
  cell: MatrixCell,
  { t, locale }: { t: Translate; locale: string },
): { label: string; detail: string | null } {
  switch (cell.state) {
    case 'not-enrolled':
      return { label: t('matrix.status.not-enrolled'), detail: null }
    case 'completed':
      return {
        label: t('matrix.completed', { date: formatDate(cell.completedAt, locale) }),
        detail: cell.finalScore === null ? null : t('matrix.score', { score: formatScore(cell.finalScore, locale) }),
      }
    default:
      return {
        label:
          cell.state === 'not-started'
            ? t('matrix.notStarted')
            : t('matrix.inProgress', { percent: cell.progress.percent }),
        detail: cell.dueAt
          ? t(cell.overdue ? 'matrix.overdue' : 'matrix.due', { date: formatDate(cell.dueAt, locale) })
          : null,
      }
  }
}

/** A cell in words, as one phrase: the transcript page. */
export function describeCell(cell: MatrixCell, context: { t: Translate; locale: string }): string {
  const { label, detail } = describeCellParts(cell, context)
  return detail ? `${label}, ${detail}` : label
}

/** What the page shows of a cell: its state and status (the legend's colour and icon) and its words. */
export function matrixViewCell(cell: MatrixCell, context: { t: Translate; locale: string }) {
  return {
    state: cell.state,
    status: cellStatus(cell),
    percent: cellPercent(cell),
    ...describeCellParts(cell, context),
  }
}
export type MatrixViewCell = ReturnType<typeof matrixViewCell>
