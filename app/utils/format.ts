// Dates and numbers as each of the app's languages writes them, without Intl: the first Intl date or
// number formatter a page builds costs 40–65 ms of main thread (V8 loads its locale data; measured in
// Chromium here), inside the task that hydrates the page (ADR 036). date-fns carries the words of both
// languages, and the server and the browser then write a date the same way whatever their ICU versions.
import { format } from 'date-fns'
import { constructFromSymbol } from 'date-fns/constants'
import { enGB } from 'date-fns/locale/en-GB'
import { enUS } from 'date-fns/locale/en-US'
import { ru } from 'date-fns/locale/ru'

type Style = 'date' | 'month' | 'monthShort' | 'dateTime' | 'time'
type Writing = 'en' | 'en-GB' | 'ru'
const DATE_FNS_LOCALES = { en: enUS, 'en-GB': enGB, ru }
/** How `locale` writes: the app's languages, and British English for certificates; others as English. */
const writes = (locale: string): Writing => (locale === 'ru' || locale === 'en-GB' ? locale : 'en')

/** The date styles of the app; the server shows every date in UTC (formatLocal: the reader's zone). */
const PATTERNS: Record<Writing, Record<Style, string>> = {
  en: {
    date: 'MMMM d, yyyy',
    month: 'MMMM yyyy',
    monthShort: 'LLL',
    dateTime: 'MMM d, yyyy, hh:mm a',
    time: 'hh:mm a',
  },
  // Day before month, as the region writes dates in English (certificates): "23 November 2026".
  'en-GB': { date: 'd MMMM yyyy', month: 'MMMM yyyy', monthShort: 'LLL', dateTime: 'd MMM yyyy, HH:mm', time: 'HH:mm' },
  // The genitive month after a day (MMMM: «23 ноября»), the nominative alone (LLLL: «ноябрь 2026 г.»).
  ru: {
    date: "d MMMM yyyy 'г.'",
    month: "LLLL yyyy 'г.'",
    monthShort: 'LLL',
    dateTime: "d MMM yyyy 'г.', HH:mm",
    time: 'HH:mm',
  },
}

const FIELDS = ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'] as const

/**
 * What makes a date show its UTC fields as its own, so that date-fns writes UTC. Not a subclass of Date
 * (as @date-fns/utc's are): a test's fake clock replaces Date with a function that returns plain dates,
 * and a subclass's instances then show the reader's zone. date-fns copies a date through `constructFromSymbol`.
 */
const utcFields: Record<string | symbol, unknown> = Object.create(Date.prototype)
for (const field of FIELDS) utcFields[`get${field}`] = Date.prototype[`getUTC${field}`]
utcFields.getTimezoneOffset = () => 0
utcFields[constructFromSymbol] = (value: Date | number | string) => inUtc(value)

function inUtc(value: Date | number | string): Date {
  return Object.setPrototypeOf(new Date(value), utcFields) as Date
}

/** `zone`: 'UTC' for the server's dates, 'local' for the zone of the machine that runs this (the reader's). */
function formatIn(zone: 'UTC' | 'local', value: Date | string, locale: string, style: Style): string {
  const language = writes(locale)
  const date = zone === 'UTC' ? inUtc(value) : new Date(value)
  return format(date, PATTERNS[language][style], { locale: DATE_FNS_LOCALES[language] })
}

export function formatDate(value: Date | string, locale: string): string {
  return formatIn('UTC', value, locale, 'date')
}

/**
 * A calendar month (UTC): "March 2026", «март 2026 г.». `short` is the month's name alone in three
 * letters for a chart axis ("Mar", «сен»), as spreadsheets write them: the usual «сент.» and «нояб.»
 * do not fit twelve months across a phone.
 */
export function formatMonth(value: Date | string, locale: string, length: 'long' | 'short' = 'long'): string {
  if (length === 'long') return formatIn('UTC', value, locale, 'month')
  return formatIn('UTC', value, locale, 'monthShort').replace('.', '').slice(0, 3)
}

/**
 * Date and time in UTC, marked as such: the server renders it and cannot know the reader's time
 * zone, and an officer comparing an attempt time with a colleague's must see the same value.
 */
export function formatDateTime(value: Date | string, locale: string): string {
  return `${formatIn('UTC', value, locale, 'dateTime')} UTC`
}

/** Hours and minutes in UTC (the attempt deadline), e.g. "14:05". */
export function formatTime(value: Date | string, locale: string): string {
  return formatIn('UTC', value, locale, 'time')
}

/**
 * Time or date and time in the reader's own time zone (the browser's), unmarked: for the page once it
 * runs in the browser — the server renders formatTime/formatDateTime (UTC) first.
 */
export function formatLocal(value: Date | string, locale: string, style: 'time' | 'dateTime') {
  return formatIn('local', value, locale, style)
}

/**
 * `value` rounded to `digits` decimals the way Intl rounds, on the number as written: 72.35 → 72.4
 * (`toFixed` would round the binary value just below it, 72.349…, down), ties away from zero.
 */
function roundDecimal(value: number, digits: number): number {
  const shifted = Number(`${Math.abs(value)}e${digits}`) // NaN when the number is written with an exponent
  const rounded = Number.isFinite(shifted) ? Number(`${Math.round(shifted)}e-${digits}`) : Math.abs(value)
  return Math.sign(value) * rounded
}

/** At most `digits` decimals, no trailing zeros, no grouping (a year is 2005), the reader's decimal sign. */
function writeDecimal(value: number, digits: number, locale: string): string {
  const fixed = roundDecimal(value, digits).toFixed(digits)
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
  return writes(locale) === 'ru' ? trimmed.replace('.', ',') : trimmed
}

/** A number as a reader of `locale` writes it: decimal comma in Russian, no grouping, up to 10 decimals. */
export function formatNumber(value: number, locale: string): string {
  return writeDecimal(value, 10, locale)
}

/**
 * A score or percentage as every page, export preview and certificate shows it: at most one decimal
 * ("87.5", «87,5»; 87.25 → "87.3"), without grouping. The database keeps the exact value (ADR 035).
 */
export function formatScore(value: number, locale: string): string {
  return writeDecimal(value, 1, locale)
}

const SIZE_UNITS = { en: { kilobyte: 'kB', megabyte: 'MB' }, ru: { kilobyte: 'кБ', megabyte: 'МБ' } }
const sizeUnits = (locale: string) => SIZE_UNITS[writes(locale) === 'ru' ? 'ru' : 'en']

/** A file's size as its reader writes it: "12.5 kB", «1,5 МБ» (1 kB = 1,024 bytes, as file managers count). */
export function formatFileSize(bytes: number, locale: string): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte'
  const size = bytes / (unit === 'megabyte' ? 1024 * 1024 : 1024)
  return `${writeDecimal(size, 1, locale)} ${sizeUnits(locale)[unit]}`
}
