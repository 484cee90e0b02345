import type { Cell, Table } from '~/modules/reports/spreadsheet.server'
import { cellPercent, cellStatus, type MatrixCell } from './matrix'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** The columns every course gets, in this order (ADR 031). */
export const COURSE_COLUMNS = ['status', 'statusLabel', 'percent', 'completedOn', 'finalScore', 'dueOn'] as const

interface ExportOfficer {
  displayName: string
  email: string
  unit: string | null
  cells: MatrixCell[]
}

/**
 * The matrix for analysis: a row per officer and, per course, a stable status code, its label in the
 * reader's language, percent of modules completed, completion day, final score and due day, each typed
 * (numbers as numbers, days as dates), never a sentence. A day is the UTC day, as the app stores due
 * dates (end of the chosen day, UTC), so the CSV's ISO day and the XLSX date cell agree.
 */
export function matrixExportTable(
  { courses, officers }: { courses: { title: string }[]; officers: ExportOfficer[] },
  t: Translate,
): Table {
  const headers = [
    t('matrix.officer'),
    t('matrix.email'),
    t('matrix.unit'),
    ...courses.flatMap(({ title }) => COURSE_COLUMNS.map((column) => t(`export.column.${column}`, { course: title }))),
  ]
  const rows = officers.map((officer): Cell[] => [
    officer.displayName,
    officer.email,
    officer.unit,
    ...officer.cells.flatMap((cell) => courseCells(cell, t)),
  ])
  return { headers, rows }
}

function courseCells(cell: MatrixCell, t: Translate): Cell[] {
  const status = cellStatus(cell)
  const completed = cell.state === 'completed' ? cell : null
  return [
    status,
    t(`matrix.status.${status}`),
    cellPercent(cell),
    completed ? utcDay(completed.completedAt) : null,
    completed?.finalScore ?? null,
    'dueAt' in cell && cell.dueAt ? utcDay(cell.dueAt) : null,
  ]
}

function utcDay(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}
