import { localizedName } from '~/i18n/localized'
import { formatMonth } from '~/utils/format'

/** A calendar month as `YYYY-MM` (UTC), the form the database groups by. */
export type MonthKey = string

/** The last `months` calendar months (UTC) up to and including the one `now` is in, oldest first. */
export function completionMonths({ now, months }: { now: Date; months: number }): MonthKey[] {
  return Array.from({ length: months }, (_, index) => {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - index), 1))
    return start.toISOString().slice(0, 7)
  })
}

/** The first instant of the month (UTC). */
export const monthStart = (month: MonthKey) => new Date(`${month}-01T00:00:00.000Z`)

export interface CompletionCounts {
  months: MonthKey[]
  /** Every published course, in the order of the matrix; `title` as stored (every language). */
  courses: { slug: string; title: unknown }[]
  /** Only the months and courses that had completions. */
  counts: { slug: string; month: MonthKey; count: number }[]
}

export interface CompletionChart {
  courses: { slug: string; title: string; total: number }[]
  /** Oldest first; `counts` in the order of `courses`. */
  months: { key: MonthKey; label: string; short: string; year: number; counts: number[]; total: number }[]
  total: number
  /** The month with the most completions (the latest of equals); null without any. */
  busiest: { label: string; total: number } | null
}

/** Months × courses with the missing months and courses at zero, labelled in the reader's language. */
export function buildCompletionChart({
  months,
  courses,
  counts,
  locale,
}: CompletionCounts & { locale: string }): CompletionChart {
  const counted = new Map(counts.map(({ slug, month, count }) => [`${month} ${slug}`, count]))
  const rows = months.map((key) => {
    const perCourse = courses.map(({ slug }) => counted.get(`${key} ${slug}`) ?? 0)
    return {
      key,
      label: formatMonth(monthStart(key), locale),
      short: formatMonth(monthStart(key), locale, 'short'),
      year: Number(key.slice(0, 4)),
      counts: perCourse,
      total: sum(perCourse),
    }
  })
  const busiest = rows.reduce<(typeof rows)[number] | null>(
    (best, row) => (row.total > 0 && row.total >= (best?.total ?? 0) ? row : best),
    null,
  )
  return {
    courses: courses.map(({ slug, title }, index) => ({
      slug,
      title: localizedName(title, locale),
      total: sum(rows.map((row) => row.counts[index]!)),
    })),
    months: rows,
    total: sum(rows.map((row) => row.total)),
    busiest: busiest && { label: busiest.label, total: busiest.total },
  }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/** The chart in one or two sentences (`manage` keys): what a screen reader announces for it. */
export function describeCompletions({ chart, t }: { chart: CompletionChart; t: Translate }): string {
  const period = t('chart.period', { count: chart.months.length })
  if (!chart.busiest) return t('chart.empty', { period })
  const summary = t('chart.summary', { count: chart.total, period })
  return `${summary} ${t('chart.busiest', { value: chart.busiest.total, month: chart.busiest.label })}`
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
