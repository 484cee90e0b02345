import { describe, expect, it } from 'vitest'
import type { Locale } from '~/i18n/config'
import { getServerT } from '~/i18n/i18n.server'
import { buildCompletionChart, completionMonths, describeCompletions, type CompletionCounts } from './completions'

const NOW = new Date('2026-03-15T10:00:00Z')
const courses = [
  { slug: 'aeo', title: { en: 'Authorised economic operators', ru: 'Уполномоченные экономические операторы' } },
  { slug: 'seals', title: { en: 'Seals', ru: 'Пломбы' } },
]
const counts: CompletionCounts['counts'] = [
  { slug: 'seals', month: '2025-05', count: 2 },
  { slug: 'aeo', month: '2026-01', count: 4 },
  { slug: 'seals', month: '2026-01', count: 1 },
  { slug: 'aeo', month: '2026-03', count: 3 },
]
const chartIn = (locale: Locale, input: Partial<CompletionCounts> = {}) =>
  buildCompletionChart({ months: completionMonths({ now: NOW, months: 12 }), courses, counts, locale, ...input })
const tIn = (locale: Locale) => getServerT(locale, 'manage')

describe('completion months', () => {
  it('are the last months up to the current one, oldest first, across a year', () => {
    // prettier-ignore
    expect(completionMonths({ now: NOW, months: 12 })).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09',
      '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ])
    expect(completionMonths({ now: new Date('2026-01-01T00:00:00Z'), months: 2 })).toEqual(['2025-12', '2026-01'])
    // The last instant of a month is still that month in UTC.
    expect(completionMonths({ now: new Date('2026-02-28T23:59:59.999Z'), months: 1 })).toEqual(['2026-02'])
  })
})

describe('the completion chart', () => {
  it('fills the months without completions with zero and keeps the courses in order', () => {
    const chart = chartIn('en')
    expect(chart.months.map((month) => month.key)).toEqual(completionMonths({ now: NOW, months: 12 }))
    expect(chart.courses.map((course) => course.slug)).toEqual(['aeo', 'seals'])
    expect(Object.fromEntries(chart.months.map((month) => [month.key, month.counts]))).toMatchObject({
      '2025-04': [0, 0],
      '2025-05': [0, 2],
      '2025-12': [0, 0],
      '2026-01': [4, 1],
      '2026-02': [0, 0],
      '2026-03': [3, 0],
    })
  })

  it('totals per month, per course and in all; the busiest month is the latest of equals', () => {
    const chart = chartIn('en')
    expect(chart.months.map((month) => month.total)).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 5, 0, 3])
    expect(chart.courses.map((course) => course.total)).toEqual([7, 3])
    expect(chart.total).toBe(10)
    expect(chart.busiest).toEqual({ label: 'January 2026', total: 5 })
    const tie = chartIn('en', { counts: [...counts, { slug: 'seals', month: '2026-03', count: 2 }] })
    expect(tie.busiest).toEqual({ label: 'March 2026', total: 5 })
  })

  it('ignores counts outside the months and a course that is not listed', () => {
    const chart = chartIn('en', {
      counts: [
        { slug: 'aeo', month: '2025-03', count: 9 },
        { slug: 'retired', month: '2026-03', count: 9 },
      ],
    })
    expect(chart.total).toBe(0)
    expect(chart.busiest).toBeNull()
  })

  it('labels months and courses in the reader’s language', () => {
    const en = chartIn('en')
    const ru = chartIn('ru')
    expect(en.months.at(-1)).toMatchObject({ label: 'March 2026', short: 'Mar', year: 2026 })
    expect(ru.months.at(-1)).toMatchObject({ label: 'март 2026 г.', short: 'мар', year: 2026 })
    expect(ru.months[5]).toMatchObject({ key: '2025-09', label: 'сентябрь 2025 г.', short: 'сен' })
    expect(ru.courses[1]!.title).toBe('Пломбы')
  })
})

describe('the chart in words', () => {
  it('says how many completions and the busiest month, in English and Russian', () => {
    expect(describeCompletions({ chart: chartIn('en'), t: tIn('en') })).toBe(
      '10 completions in the last 12 months. Most in one month: 5 (January 2026).',
    )
    expect(describeCompletions({ chart: chartIn('ru'), t: tIn('ru') })).toBe(
      'Курсы пройдены 10 раз за 12 последних месяцев. Больше всего за месяц: 5 (январь 2026 г.).',
    )
  })

  it('uses the plural forms of each language', () => {
    const one = chartIn('en', { counts: [{ slug: 'aeo', month: '2026-03', count: 1 }] })
    expect(describeCompletions({ chart: one, t: tIn('en') })).toMatch(/^1 completion in the last 12 months\./)
    const two = chartIn('ru', { counts: [{ slug: 'aeo', month: '2026-03', count: 2 }] })
    expect(describeCompletions({ chart: two, t: tIn('ru') })).toMatch(
      /^Курсы пройдены 2 раза за 12 последних месяцев\./,
    )
    const three = buildCompletionChart({ months: ['2026-01', '2026-02', '2026-03'], courses, counts, locale: 'ru' })
    expect(describeCompletions({ chart: three, t: tIn('ru') })).toMatch(/за 3 последних месяца\./)
  })

  it('says there were none when nobody completed a course', () => {
    expect(describeCompletions({ chart: chartIn('en', { counts: [] }), t: tIn('en') })).toBe(
      'No completions in the last 12 months.',
    )
    expect(describeCompletions({ chart: chartIn('ru', { counts: [] }), t: tIn('ru') })).toBe(
      'Нет пройденных курсов за 12 последних месяцев.',
    )
  })
})
