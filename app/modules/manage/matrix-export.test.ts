import { describe, expect, it } from 'vitest'
import { matrixCell, type CellFacts } from './matrix'
import { COURSE_COLUMNS, matrixExportTable } from './matrix-export'

const now = new Date('2026-11-23T12:00:00Z')
const cell = (more: Partial<CellFacts>) =>
  matrixCell(
    { enrolled: true, completedAt: null, finalScore: null, dueAt: null, total: 4, opened: 0, completed: 0, ...more },
    now,
  )
const t = (key: string, options?: Record<string, unknown>) => (options ? `${key}${JSON.stringify(options)}` : key)

describe('matrixExportTable', () => {
  const table = matrixExportTable(
    {
      courses: [{ title: 'Seals' }, { title: 'Tariff' }],
      officers: [
        {
          displayName: 'Ivan',
          email: 'ivan@x.test',
          unit: null,
          cells: [
            cell({
              completedAt: new Date('2026-10-01T15:30:00Z'),
              finalScore: 87.5,
              dueAt: new Date('2026-12-31T23:59:59Z'),
            }),
            cell({ opened: 3, completed: 1, dueAt: new Date('2026-11-01T23:59:59Z') }),
          ],
        },
        { displayName: 'Olga', email: 'olga@x.test', unit: 'Post', cells: [cell({ enrolled: false }), cell({})] },
      ],
    },
    t,
  )

  it('gives every course the same typed columns, named with the course', () => {
    expect(table.headers).toHaveLength(3 + 2 * COURSE_COLUMNS.length)
    expect(table.headers.slice(3, 9)).toEqual(
      COURSE_COLUMNS.map((column) => `export.column.${column}{"course":"Seals"}`),
    )
  })

  it('writes codes, labels, numbers and UTC days, never a sentence', () => {
    expect(table.rows[0]).toEqual([
      'Ivan',
      'ivan@x.test',
      null,
      'completed',
      'matrix.status.completed',
      100,
      new Date('2026-10-01T00:00:00Z'),
      87.5,
      new Date('2026-12-31T00:00:00Z'),
      'overdue',
      'matrix.status.overdue',
      25,
      null,
      null,
      new Date('2026-11-01T00:00:00Z'),
    ])
    expect(table.rows[1]!.slice(3)).toEqual([
      'not-enrolled',
      'matrix.status.not-enrolled',
      null,
      null,
      null,
      null,
      'not-started',
      'matrix.status.not-started',
      0,
      null,
      null,
      null,
    ])
  })
})
