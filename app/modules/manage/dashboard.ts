import type { CompletionCounts } from './completions'

/** How far ahead the dashboard lists due dates, and how many of them it shows. */
export const DUE_SOON_DAYS = 30
export const DUE_SOON_LIMIT = 20

/** Completed of enrolled as a whole percent (0 without enrolments), as the matrix's summary rounds it. */
export const completedPercent = ({ completed, enrolled }: { completed: number; enrolled: number }) =>
  enrolled === 0 ? 0 : Math.round((completed * 100) / enrolled)

export interface MonthComparison {
  thisMonth: { key: string; count: number }
  lastMonth: { key: string; count: number }
  /** This month minus last month. */
  change: number
}

/**
 * Completions of the current and the previous month, over every course, from the counts behind the
 * completions chart (asked for two months), so the dashboard and the chart count the same certificates.
 */
export function compareMonths({ months, counts }: Pick<CompletionCounts, 'months' | 'counts'>): MonthComparison {
  const [last, current] = months.slice(-2)
  if (!last || !current) throw new RangeError('compareMonths needs the counts of two months')
  const total = (key: string) => counts.reduce((sum, row) => (row.month === key ? sum + row.count : sum), 0)
  const thisMonth = { key: current, count: total(current) }
  const lastMonth = { key: last, count: total(last) }
  return { thisMonth, lastMonth, change: thisMonth.count - lastMonth.count }
}
