/** The moments a screen reader is told how much time is left: five minutes, then one. */
export const ANNOUNCED_SECONDS = [300, 60] as const

/**
 * The mark the clock passed between two ticks (`previous` → `current` seconds left), if any: each is
 * announced once, when it is reached — a page opened with three minutes left says nothing about five.
 */
export function markReached(previous: number | null, current: number): number | null {
  if (previous === null) return null
  const reached = ANNOUNCED_SECONDS.filter((mark) => previous > mark && current <= mark)
  return reached.length > 0 ? Math.min(...reached) : null
}
