import { describe, expect, it } from 'vitest'
import { shouldRecordOpen } from './progress'

describe('shouldRecordOpen', () => {
  const now = new Date('2026-11-23T10:00:00Z')

  it('records the first opening', () => {
    expect(shouldRecordOpen({ lastOpenedAt: null, now })).toBe(true)
  })

  it('skips a re-opening within the minute and records one after it', () => {
    expect(shouldRecordOpen({ lastOpenedAt: new Date('2026-11-23T09:59:30Z'), now })).toBe(false)
    expect(shouldRecordOpen({ lastOpenedAt: new Date('2026-11-23T09:59:00Z'), now })).toBe(true)
  })
})
