import { DEFAULT_LOCALE } from './config'

/*
 * What the database keeps per language (course titles and objectives, administration names, the
 * snapshot on a certificate) is a JSON map from language code to value. Any code is accepted and none
 * is required, so a third language is new keys in the data, not new code. Content packages check their
 * own input more strictly (app/modules/content/package.schema.ts).
 */

const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** `{ "en": "Customs", "ru": "Таможня" }` */
export type LocalizedText = Record<string, string>

/** A list in each language, e.g. a course's objectives: `{ "en": ["…"], "ru": ["…"] }`. */
export type LocalizedList = Record<string, string[]>

/** A stored value read for display; see `wellFormed`. */
export function readLocalizedText(value: unknown): LocalizedText {
  return wellFormed(value, (entry): entry is string => typeof entry === 'string')
}

/** A stored per-language list read for display; see `wellFormed`. */
export function readLocalizedList(value: unknown): LocalizedList {
  return wellFormed(
    value,
    (entry): entry is string[] => Array.isArray(entry) && entry.every((item) => typeof item === 'string'),
  )
}

/**
 * Picks one language from a per-language JSON value, falling back to the default language and then to
 * any language present, so a missing translation shows text rather than nothing.
 */
export function localizedName(value: unknown, locale: string): string {
  const names = readLocalizedText(value)
  return names[locale] ?? names[DEFAULT_LOCALE] ?? Object.values(names)[0] ?? ''
}

/**
 * The entries of `value` whose key is a language code and whose value `isEntry`, the others left out: a
 * malformed value costs a page one translation (or shows nothing), never the page itself. Checked by
 * hand, not with a zod schema: nearly every page reads names this way in the browser, and zod would
 * bring ~100 KB of script to each of them (ADR 036).
 */
function wellFormed<T>(value: unknown, isEntry: (entry: unknown) => entry is T): Record<string, T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  return Object.fromEntries(
    Object.entries(value).filter((pair): pair is [string, T] => LANGUAGE_CODE.test(pair[0]) && isEntry(pair[1])),
  )
}
