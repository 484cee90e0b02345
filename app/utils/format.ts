// Dates always go through Intl, in the page's language.

type Style = 'date' | 'month' | 'monthShort' | 'dateTime' | 'time'

/** The date styles of the app; the server shows every date in UTC (formatLocal: the reader's zone). */
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  monthShort: { month: 'short' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
}

// Building an Intl formatter costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>()
/** `timeZone`: 'UTC' for the server's dates, `undefined` for the reader's own zone. */
function dateTimeFormat(locale: string, style: Style, timeZone: string | undefined) {
  const key = `${style}:${locale}:${timeZone ?? 'local'}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone })
    formatters.set(key, formatter)
  }
  return formatter
}

export function formatDate(value: Date | string, locale: string): string {
  return dateTimeFormat(locale, 'date', 'UTC').format(new Date(value))
}

/**
 * A calendar month (UTC): "March 2026", «март 2026 г.». `short` is the month's name alone in three
 * letters for a chart axis ("Mar", «сен»), as spreadsheets write them: Intl's «сент.» and «нояб.»
 * do not fit twelve months across a phone.
 */
export function formatMonth(value: Date | string, locale: string, length: 'long' | 'short' = 'long'): string {
  if (length === 'long') return dateTimeFormat(locale, 'month', 'UTC').format(new Date(value))
  return dateTimeFormat(locale, 'monthShort', 'UTC').format(new Date(value)).replace('.', '').slice(0, 3)
}

/**
 * Date and time in UTC, marked as such: the server renders it and cannot know the reader's time
 * zone, and an officer comparing an attempt time with a colleague's must see the same value.
 */
export function formatDateTime(value: Date | string, locale: string): string {
  return `${dateTimeFormat(locale, 'dateTime', 'UTC').format(new Date(value))} UTC`
}

/** Hours and minutes in UTC (the attempt deadline), e.g. "14:05". */
export function formatTime(value: Date | string, locale: string): string {
  return dateTimeFormat(locale, 'time', 'UTC').format(new Date(value))
}

/**
 * Time or date and time in the reader's own time zone (the browser's, or `timeZone`), unmarked: for
 * the page once it runs in the browser — the server renders formatTime/formatDateTime (UTC) first.
 */
export function formatLocal(value: Date | string, locale: string, style: 'time' | 'dateTime', timeZone?: string) {
  return dateTimeFormat(locale, style, timeZone).format(new Date(value))
}

// As for dates: `toLocaleString` with options builds a formatter per call (a matrix page writes 150 scores).
const numberFormatters = new Map<string, Intl.NumberFormat>()

/** A number as a reader of `locale` writes it: decimal comma in Russian, no grouping (a year is 2005). */
export function formatNumber(value: number, locale: string): string {
  let formatter = numberFormatters.get(locale)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 })
    numberFormatters.set(locale, formatter)
  }
  return formatter.format(value)
}

const scoreFormatters = new Map<string, Intl.NumberFormat>()

/**
 * A score or percentage as every page, export preview and certificate shows it: at most one decimal
 * ("87.5", «87,5»; 87.25 → "87.3"), without grouping. The database keeps the exact value (ADR 035).
 */
export function formatScore(value: number, locale: string): string {
  let formatter = scoreFormatters.get(locale)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 1 })
    scoreFormatters.set(locale, formatter)
  }
  return formatter.format(value)
}

const sizeFormatters = new Map<string, Intl.NumberFormat>()

/** A file's size as its reader writes it: "12.5 kB", «1,5 МБ» (1 kB = 1,024 bytes, as file managers count). */
export function formatFileSize(bytes: number, locale: string): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte'
  const key = `${unit}:${locale}`
  let formatter = sizeFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 })
    sizeFormatters.set(key, formatter)
  }
  return formatter.format(bytes / (unit === 'megabyte' ? 1024 * 1024 : 1024))
}
