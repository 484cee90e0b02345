/**
 * Picks one language from a `{ "en": "...", "ru": "..." }` JSON value, falling back to English and
 * then to any language present, so a missing translation shows text rather than nothing.
 */
export function localizedName(value: unknown, locale: string): string {
  if (typeof value !== 'object' || value === null) return ''
  const names = Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
  return names[locale] ?? names.en ?? Object.values(names)[0] ?? ''
}
