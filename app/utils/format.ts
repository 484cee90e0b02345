/** Dates always go through Intl, in the page's language. */
export function formatDate(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(value),
  )
}

/**
 * Date and time in UTC, marked as such: the server renders it and cannot know the reader's time
 * zone, and an officer comparing an attempt time with a colleague's must see the same value.
 */
export function formatDateTime(value: Date | string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(value))
  return `${text} UTC`
}

/** Hours and minutes in UTC (the attempt deadline), e.g. "14:05". */
export function formatTime(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(value),
  )
}

/** A number as a reader of `locale` writes it: decimal comma in Russian, no grouping (a year is 2005). */
export function formatNumber(value: number, locale: string): string {
  return value.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 10 })
}
