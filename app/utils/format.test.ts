import { describe, expect, it } from 'vitest'
import { formatDate, formatFileSize, formatLocal, formatScore, formatTime } from './format'

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

  it('writes a time in UTC for the server and in the zone of the reader for the browser', () => {
    expect(formatTime('2026-11-23T10:05:00Z', 'ru')).toBe('10:05')
    expect(formatLocal('2026-11-23T10:05:00Z', 'ru', 'time', 'Asia/Yerevan')).toBe('14:05')
    expect(formatLocal('2026-11-23T22:05:00Z', 'en', 'dateTime', 'Asia/Almaty')).toBe('Nov 24, 2026, 03:05 AM')
  })

  it('writes a score with at most one decimal, rounded, in the reader’s notation', () => {
    expect(formatScore(87.25, 'en')).toBe('87.3')
    expect(formatScore(87.25, 'ru')).toBe('87,3')
    expect(formatScore(66.666_666, 'en')).toBe('66.7')
    expect(formatScore(90, 'ru')).toBe('90')
    expect(formatScore(99.96, 'en')).toBe('100')
    expect(formatScore(1234.5, 'en')).toBe('1234.5')
  })
})
