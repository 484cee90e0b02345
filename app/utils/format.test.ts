import { afterEach, describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatLocal,
  formatMonth,
  formatNumber,
  formatScore,
  formatTime,
} from './format'

const machineZone = process.env.TZ
afterEach(() => {
  process.env.TZ = machineZone // Node reads the variable again on each change
})

describe('formatting', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'en')).toBe('November 23, 2026')
    expect(formatDate(new Date('2026-11-23T10:00:00Z'), 'ru')).toBe('23 ноября 2026 г.')
    expect(formatDate('2026-11-23T10:00:00Z', 'en-GB')).toBe('23 November 2026') // certificates
    expect(formatMonth('2026-11-23T10:00:00Z', 'ru')).toBe('ноябрь 2026 г.')
    expect(formatMonth('2026-09-01T00:00:00Z', 'ru', 'short')).toBe('сен')
    expect(formatDateTime('2026-11-23T21:05:00Z', 'en')).toBe('Nov 23, 2026, 09:05 PM UTC')
    expect(formatDateTime('2026-05-02T21:05:00Z', 'ru')).toBe('2 мая 2026 г., 21:05 UTC')
  })

  it('writes the date of the instant in UTC whatever the machine’s own zone', () => {
    process.env.TZ = 'Pacific/Kiritimati' // UTC+14: already the 24th there
    expect(formatDate('2026-11-23T12:00:00Z', 'en')).toBe('November 23, 2026')
    expect(formatTime('2026-11-23T12:00:00Z', 'ru')).toBe('12:00')
  })

  it('writes file sizes in kB up to a megabyte, then in MB', () => {
    expect(formatFileSize(12_800, 'en')).toBe('12.5 kB')
    expect(formatFileSize(2 * 1024 * 1024, 'ru')).toBe('2 МБ')
    expect(formatFileSize(1_572_864, 'ru')).toBe('1,5 МБ')
  })

  it('writes a time in UTC for the server and in the zone of the reader for the browser', () => {
    expect(formatTime('2026-11-23T10:05:00Z', 'ru')).toBe('10:05')
    process.env.TZ = 'Asia/Yerevan'
    expect(formatLocal('2026-11-23T10:05:00Z', 'ru', 'time')).toBe('14:05')
    process.env.TZ = 'Asia/Almaty'
    expect(formatLocal('2026-11-23T22:05:00Z', 'en', 'dateTime')).toBe('Nov 24, 2026, 03:05 AM')
  })

  it('writes a score with at most one decimal, rounded, in the reader’s notation', () => {
    expect(formatScore(87.25, 'en')).toBe('87.3')
    expect(formatScore(87.25, 'ru')).toBe('87,3')
    expect(formatScore(66.666_666, 'en')).toBe('66.7')
    expect(formatScore(90, 'ru')).toBe('90')
    expect(formatScore(99.96, 'en')).toBe('100')
    expect(formatScore(1234.5, 'en')).toBe('1234.5')
    // Rounded on the number as written, as Intl does: 72.35 is stored as 72.3499…, yet reads 72.4.
    expect(formatScore(72.35, 'ru')).toBe('72,4')
    expect(formatScore(-3.25, 'en')).toBe('-3.3')
  })

  it('writes other numbers with up to ten decimals and without grouping', () => {
    expect(formatNumber(2005, 'ru')).toBe('2005')
    expect(formatNumber(0.1 + 0.2, 'ru')).toBe('0,3')
    expect(formatNumber(1 / 3, 'en')).toBe('0.3333333333')
    expect(formatNumber(1e-7, 'en')).toBe('0.0000001')
  })
})
