/** Dates always go through Intl, in the page's language. */
export function formatDate(value: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(value),
  )
}
