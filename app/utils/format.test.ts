import { describe, expect, it } from 'vitest'
import { formatDate, formatFileSize } from './format'

describe('formatting', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'en')).toBe('November 23, 2026')
    expect(formatDate(new Date('2026-11-23T10:00:00Z'), 'ru')).toBe('23 ноября 2026 г.')
  })

  it('writes file sizes in kB up to a megabyte, then in MB', () => {
    expect(formatFileSize(12_800, 'en')).toBe('12.5 kB')
    expect(formatFileSize(2 * 1024 * 1024, 'ru')).toBe('2 МБ')
    expect(formatFileSize(1_572_864, 'ru')).toBe('1,5 МБ')
  })
})
