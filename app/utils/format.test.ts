import { describe, expect, it } from 'vitest'
import { formatDate } from './format'

describe('formatting', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'en')).toBe('November 23, 2026')
    expect(formatDate(new Date('2026-11-23T10:00:00Z'), 'ru')).toBe('23 ноября 2026 г.')
  })
})
