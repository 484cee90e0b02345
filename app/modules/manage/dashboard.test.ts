import { describe, expect, it } from 'vitest'
import { compareMonths, completedPercent } from './dashboard'

describe('compareMonths', () => {
  it('adds up every course of the current and the previous month', () => {
    const comparison = compareMonths({
      months: ['2026-11', '2026-12'],
      counts: [
        { slug: 'aeo', month: '2026-11', count: 4 },
        { slug: 'single-window', month: '2026-11', count: 1 },
        { slug: 'aeo', month: '2026-12', count: 2 },
      ],
    })
    expect(comparison).toEqual({
      thisMonth: { key: '2026-12', count: 2 },
      lastMonth: { key: '2026-11', count: 5 },
      change: -3,
    })
  })

  it('counts a month without completions as zero', () => {
    expect(compareMonths({ months: ['2026-01', '2026-02'], counts: [] }).change).toBe(0)
  })

  it('refuses fewer than two months', () => {
    expect(() => compareMonths({ months: ['2026-02'], counts: [] })).toThrow(RangeError)
  })
})

describe('completedPercent', () => {
  it('rounds to a whole percent and is 0 without enrolments', () => {
    expect(completedPercent({ completed: 1, enrolled: 3 })).toBe(33)
    expect(completedPercent({ completed: 2, enrolled: 3 })).toBe(67)
    expect(completedPercent({ completed: 0, enrolled: 0 })).toBe(0)
  })
})
