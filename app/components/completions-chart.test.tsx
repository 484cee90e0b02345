import type { Locale } from '~/i18n/config'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { i18nForLocale } from '~/i18n/i18n.server'
import { buildCompletionChart, completionMonths, type CompletionCounts } from '~/modules/manage/completions'
import { CHART_COLOURS, CompletionsChart } from './completions-chart'

const courses = [
  { slug: 'aeo', title: { en: 'Authorised economic operators', ru: 'Уполномоченные экономические операторы' } },
  { slug: 'seals', title: { en: 'Seals', ru: 'Пломбы' } },
]
const counts: CompletionCounts['counts'] = [
  { slug: 'seals', month: '2025-05', count: 2 },
  { slug: 'aeo', month: '2026-01', count: 6 },
  { slug: 'seals', month: '2026-01', count: 4 },
  { slug: 'aeo', month: '2026-03', count: 3 },
]

function render({ locale = 'en', input = {} }: { locale?: Locale; input?: Partial<CompletionCounts> } = {}) {
  const months = completionMonths({ now: new Date('2026-03-15T10:00:00Z'), months: 12 })
  const chart = buildCompletionChart({ months, courses, counts, locale, ...input })
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nForLocale(locale)}>
      <CompletionsChart chart={chart} />
    </I18nextProvider>,
  )
}

/** The attributes of every opening tag matching `pattern`, e.g. every bar. */
function tags(html: string, pattern: RegExp) {
  return [...html.matchAll(pattern)].map(([tag]) =>
    Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!])),
  )
}
const bars = (html: string) => tags(html, /<rect [^>]*class="chart__bar"[^>]*>/g)
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the completions chart', () => {
  it('is an image named by its title and the summary in words', () => {
    const html = render()
    const [svg] = tags(html, /<svg [^>]*role="img"[^>]*>/g)
    expect(svg).toMatchObject({ viewBox: '0 0 360 240' })
    const [titleId, descId] = svg!['aria-labelledby']!.split(' ')
    expect(html).toContain(`<title id="${titleId}">Completions by month</title>`)
    expect(html).toContain(
      `<desc id="${descId}">15 completions in the last 12 months. Most in one month: 10 (January 2026).</desc>`,
    )
  })

  it('draws one bar per course and month with completions, stacked, heights in proportion', () => {
    const found = bars(render())
    expect(found.map((bar) => `${bar['data-month']} ${bar['data-course']}`).sort()).toEqual([
      '2025-05 seals',
      '2026-01 aeo',
      '2026-01 seals',
      '2026-03 aeo',
    ])
    const bar = (month: string, course: string) =>
      found.find((b) => b['data-month'] === month && b['data-course'] === course)!
    const height = (month: string, course: string) => Number(bar(month, course).height)
    // The tallest month (10) reaches the top of the axis: 6 and 4 of it share its height.
    expect(height('2026-01', 'aeo') + height('2026-01', 'seals')).toBeCloseTo(164)
    expect(height('2026-01', 'aeo') / height('2026-03', 'aeo')).toBeCloseTo(2)
    expect(height('2025-05', 'seals') / height('2026-01', 'seals')).toBeCloseTo(0.5)
    // The second course sits on the first.
    expect(Number(bar('2026-01', 'seals').y) + height('2026-01', 'seals')).toBeCloseTo(Number(bar('2026-01', 'aeo').y))
    expect(bar('2026-01', 'aeo').fill).toBe(CHART_COLOURS[0])
    expect(bar('2026-01', 'seals').fill).toBe(CHART_COLOURS[1])
  })

  it('labels both axes and names the courses in a legend', () => {
    const html = text(render())
    expect(html).toContain('Completions')
    expect(html).toContain('Month')
    expect(html).toMatch(/Apr 2025 May Jun .* Jan 2026 Feb Mar/)
    expect(html).toContain('Authorised economic operators Seals')
  })

  it('writes no style attribute, which the Content-Security-Policy would block', () => {
    const html = render()
    expect(html).not.toMatch(/ style="/)
    // The vertical axis still has its counts (0 to 10 completions in a month).
    expect(tags(html, /<text [^>]*text-anchor="end"[^>]*>/g).length).toBeGreaterThan(1)
  })

  it('gives the same numbers as a table: a row per month, a column per course, totals', () => {
    const html = render()
    expect(html).toContain('<summary>Show the data as a table</summary>')
    const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map(([, row]) => text(row!).trim())
    expect(rows).toHaveLength(1 + 12 + 1)
    expect(rows[0]).toBe('Month Authorised economic operators Seals Total')
    expect(rows[1]).toBe('April 2025 0 0 0')
    expect(rows[2]).toBe('May 2025 0 2 2')
    expect(rows[10]).toBe('January 2026 6 4 10')
    expect(rows[12]).toBe('March 2026 3 0 3')
    expect(rows[13]).toBe('Total 9 6 15')
  })

  it('speaks Russian to a Russian reader', () => {
    const html = render({ locale: 'ru' })
    expect(html).toContain('Прохождение курсов по месяцам')
    expect(html).toContain('Курсы пройдены 15 раз за 12 последних месяцев. Больше всего за месяц: 10 (январь 2026 г.).')
    expect(text(html)).toMatch(/апр 2025 май .* янв 2026 фев мар/)
    expect(html).toContain('<th scope="row">январь 2026 г.</th>')
  })

  it('says so instead of drawing an empty chart when nobody completed a course', () => {
    const html = render({ input: { counts: [] } })
    expect(html).toContain('No completions in the last 12 months.')
    expect(html).not.toContain('<svg')
    expect(html).not.toContain('<table')
  })
})
