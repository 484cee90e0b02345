import { describe, expect, it } from 'vitest'
import { cellPercent, cellStatus, describeCell, matrixCell, type CellFacts } from './matrix'

const now = new Date('2026-11-23T12:00:00Z')
const facts = (more: Partial<CellFacts>): CellFacts => ({
  enrolled: true,
  completedAt: null,
  finalScore: null,
  dueAt: null,
  total: 4,
  opened: 0,
  completed: 0,
  ...more,
})
// Keys and values, so the test reads what a translation would get.
const t = (key: string, options?: Record<string, unknown>) => (options ? `${key}${JSON.stringify(options)}` : key)

describe('matrixCell', () => {
  it('tells not enrolled, not started, in progress and completed apart', () => {
    expect(matrixCell(facts({ enrolled: false }), now)).toEqual({ state: 'not-enrolled' })
    expect(matrixCell(facts({}), now)).toMatchObject({ state: 'not-started', overdue: false })
    expect(matrixCell(facts({ opened: 2, completed: 1 }), now)).toMatchObject({
      state: 'in-progress',
      progress: { percent: 25 },
    })
    const done = new Date('2026-11-20T00:00:00Z')
    expect(matrixCell(facts({ completedAt: done, finalScore: 87.5, opened: 4, completed: 4 }), now)).toEqual({
      state: 'completed',
      completedAt: done,
      finalScore: 87.5,
      dueAt: null,
    })
  })

  it('counts progress in completed modules: opened but none completed is not started, never "in progress, 0 %"', () => {
    expect(matrixCell(facts({ opened: 3, completed: 0 }), now)).toMatchObject({ state: 'not-started' })
    expect(matrixCell(facts({ opened: 1, completed: 1, total: 100 }), now)).toMatchObject({
      state: 'in-progress',
      progress: { percent: 1 },
    })
  })

  it('is overdue past the due date unless completed', () => {
    const past = new Date('2026-11-22T23:59:59Z')
    expect(matrixCell(facts({ dueAt: past }), now)).toMatchObject({ overdue: true })
    expect(matrixCell(facts({ dueAt: past, opened: 1, completed: 1 }), now)).toMatchObject({ overdue: true })
    expect(matrixCell(facts({ dueAt: new Date('2026-11-24T00:00:00Z') }), now)).toMatchObject({ overdue: false })
    expect(matrixCell(facts({ dueAt: past, completedAt: now }), now)).not.toHaveProperty('overdue')
  })
})

describe('describeCell', () => {
  it('puts a cell in words with dates and scores in the reader’s format', () => {
    const cell = matrixCell(facts({ completedAt: new Date('2026-11-20T00:00:00Z'), finalScore: 87.5 }), now)
    expect(describeCell(cell, { t, locale: 'ru' })).toBe(
      'matrix.completed{"date":"20 ноября 2026 г."}, matrix.score{"score":"87,5"}',
    )
    const late = matrixCell(facts({ opened: 1, completed: 1, dueAt: new Date('2026-11-01T23:59:59Z') }), now)
    expect(describeCell(late, { t, locale: 'en' })).toBe(
      'matrix.inProgress{"percent":25}, matrix.overdue{"date":"November 1, 2026"}',
    )
    expect(describeCell({ state: 'not-enrolled' }, { t, locale: 'en' })).toBe('matrix.status.not-enrolled')
  })
})

describe('cellStatus and cellPercent', () => {
  it('give the legend’s status, overdue first, and the percent an export writes', () => {
    const past = new Date('2026-11-01T23:59:59Z')
    const cases: [Partial<CellFacts>, string, number | null][] = [
      [{ enrolled: false }, 'not-enrolled', null],
      [{}, 'not-started', 0],
      [{ dueAt: past }, 'overdue', 0],
      [{ opened: 2, completed: 2 }, 'in-progress', 50],
      [{ opened: 2, completed: 2, dueAt: past }, 'overdue', 50],
      [{ completedAt: now, dueAt: past, completed: 4 }, 'completed', 100],
    ]
    for (const [more, status, percent] of cases) {
      const cell = matrixCell(facts(more), now)
      expect([cellStatus(cell), cellPercent(cell)]).toEqual([status, percent])
    }
  })

  it('shows a final score to one decimal', () => {
    const cell = matrixCell(facts({ completedAt: now, finalScore: 93.3333 }), now)
    expect(describeCell(cell, { t, locale: 'en' })).toContain('matrix.score{"score":"93.3"}')
  })
})
