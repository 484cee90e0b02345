/**
 * "Last opened" is kept to the minute: a learner moving about a page, or reloading it, does not
 * cost a database write per request.
 */
export const LAST_OPENED_PRECISION_MS = 60_000

export function shouldRecordOpen({ lastOpenedAt, now = new Date() }: { lastOpenedAt: Date | null; now?: Date }) {
  return lastOpenedAt === null || now.getTime() - lastOpenedAt.getTime() >= LAST_OPENED_PRECISION_MS
}

export interface CourseProgress {
  total: number
  completed: number
  percent: number
}

/** Whole percent, rounded down: 100 only when every module is complete. */
export function withPercent({ total, completed }: { total: number; completed: number }): CourseProgress {
  return { total, completed, percent: total === 0 ? 0 : Math.floor((completed * 100) / total) }
}
