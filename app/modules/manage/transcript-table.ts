import type { Cell, Table } from '~/modules/reports/spreadsheet.server'
import { cellPercent, cellStatus, type MatrixCell } from './matrix'

type Translate = (key: string, options?: Record<string, unknown>) => string

interface Attempt {
  number: number
  status: 'IN_PROGRESS' | 'SUBMITTED'
  startedAt: Date
  submittedAt: Date | null
  score: number | null
  passed: boolean | null
}

export interface TranscriptForTable {
  courses: {
    title: string
    cell: MatrixCell
    enrolledAt: Date
    completedAt: Date | null
    finalScore: number | null
    dueAt: Date | null
    modules: { title: string; openedAt: Date | null; completedAt: Date | null; attempts: Attempt[] }[]
    examAttempts: Attempt[]
  }[]
  certificates: {
    code: string
    course: string
    status: 'valid' | 'expired' | 'revoked'
    finalScore: number | null
    issuedAt: Date
    completedAt: Date
    expiresAt: Date | null
  }[]
}

/**
 * A transcript as one flat table, a line per course, module, attempt and certificate, so a spreadsheet
 * can filter it by course or by kind. Each line's status is a stable code and its label in the reader's
 * language (`manage` keys), never a sentence; dates, scores and percents stay typed (ADR 031).
 */
export function transcriptTable(transcript: TranscriptForTable, { t }: { t: Translate; locale: string }): Table {
  const rows: Cell[][] = []
  const attemptRow = (course: string, name: string, attempt: Attempt): Cell[] => [
    course,
    t('transcript.kind.attempt'),
    `${name}, ${t('transcript.attemptNumber', { number: attempt.number })}`,
    attemptCode(attempt),
    attemptResult(attempt, t),
    attempt.startedAt,
    attempt.submittedAt,
    attempt.score,
    null,
    null,
  ]
  for (const course of transcript.courses) {
    rows.push([
      course.title,
      t('transcript.kind.course'),
      course.title,
      cellStatus(course.cell),
      t(`matrix.status.${cellStatus(course.cell)}`),
      course.enrolledAt,
      course.completedAt,
      course.finalScore,
      cellPercent(course.cell),
      course.dueAt,
    ])
    for (const module of course.modules) {
      const state = module.completedAt ? 'completed' : module.openedAt ? 'opened' : 'notOpened'
      rows.push([
        course.title,
        t('transcript.kind.module'),
        module.title,
        MODULE_CODES[state],
        t(`transcript.module.${state}`),
        module.openedAt,
        module.completedAt,
        null,
        null,
        null,
      ])
      for (const attempt of module.attempts) rows.push(attemptRow(course.title, module.title, attempt))
    }
    for (const attempt of course.examAttempts) rows.push(attemptRow(course.title, t('transcript.finalExam'), attempt))
  }
  for (const certificate of transcript.certificates) {
    rows.push([
      certificate.course,
      t('transcript.kind.certificate'),
      certificate.code,
      certificate.status,
      t(`transcript.certificate.${certificate.status}`),
      certificate.issuedAt,
      certificate.completedAt,
      certificate.finalScore,
      null,
      certificate.expiresAt,
    ])
  }
  return {
    headers: [
      t('transcript.column.course'),
      t('transcript.column.kind'),
      t('transcript.column.item'),
      t('transcript.column.statusCode'),
      t('transcript.column.status'),
      t('transcript.column.started'),
      t('transcript.column.completed'),
      t('transcript.column.score'),
      t('transcript.column.percent'),
      t('transcript.column.dueOrExpires'),
    ],
    rows,
  }
}

const MODULE_CODES = { completed: 'completed', opened: 'opened', notOpened: 'not-opened' } as const

function attemptCode(attempt: Pick<Attempt, 'status' | 'passed'>) {
  if (attempt.status === 'IN_PROGRESS') return 'in-progress'
  return attempt.passed ? 'passed' : 'failed'
}

export function attemptResult(attempt: Pick<Attempt, 'status' | 'passed'>, t: Translate): string {
  if (attempt.status === 'IN_PROGRESS') return t('transcript.attempt.inProgress')
  return t(attempt.passed ? 'transcript.attempt.passed' : 'transcript.attempt.failed')
}
