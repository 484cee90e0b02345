// Dates always go through Intl, in the page's language.

/** The date styles of the app; every date is shown in UTC. */
const STYLES: Record<'date' | 'dateTime' | 'time', Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
}

// Building an Intl formatter costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>()
function dateTimeFormat(locale: string, style: 'date' | 'dateTime' | 'time') {
  const key = `${style}:${locale}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: 'UTC' })
    formatters.set(key, formatter)
  }
  return formatter
}

export function formatDate(value: Date | string, locale: string): string {
  return dateTimeFormat(locale, 'date').format(new Date(value))
}

/**
 * Date and time in UTC, marked as such: the server renders it and cannot know the reader's time
 * zone, and an officer comparing an attempt time with a colleague's must see the same value.
 */
export function formatDateTime(value: Date | string, locale: string): string {
  return `${dateTimeFormat(locale, 'dateTime').format(new Date(value))} UTC`
}

/** Hours and minutes in UTC (the attempt deadline), e.g. "14:05". */
export function formatTime(value: Date | string, locale: string): string {
  return dateTimeFormat(locale, 'time').format(new Date(value))
}

/** A number as a reader of `locale` writes it: decimal comma in Russian, no grouping (a year is 2005). */
export function formatNumber(value: number, locale: string): string {
  return value.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 10 })
}
