import { z } from 'zod'
import { DEFAULT_LOCALE } from './config'

/*
 * What the database keeps per language (course titles and objectives, administration names, the
 * snapshot on a certificate) is a JSON map from language code to value. Any code is accepted and none
 * is required, so a third language is new keys in the data, not new code. Content packages check their
 * own input more strictly (app/modules/content/package.schema.ts).
 */

const languageCode = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language code')

/** `{ "en": "Customs", "ru": "Таможня" }` */
export const LocalizedTextSchema = z.record(languageCode, z.string())
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

/** A list in each language, e.g. a course's objectives: `{ "en": ["…"], "ru": ["…"] }`. */
export const LocalizedListSchema = z.record(languageCode, z.array(z.string()))
export type LocalizedList = z.infer<typeof LocalizedListSchema>

/** A stored value read for display; see `wellFormed`. */
export function readLocalizedText(value: unknown): LocalizedText {
  return wellFormed(LocalizedTextSchema, value)
}

/** A stored per-language list read for display; see `wellFormed`. */
export function readLocalizedList(value: unknown): LocalizedList {
  return wellFormed(LocalizedListSchema, value)
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
 * The languages of `value` that match the schema, the others left out: a malformed value costs a
 * page one translation (or shows nothing), never the page itself.
 */
function wellFormed<T>(schema: z.ZodType<Record<string, T>>, value: unknown): Record<string, T> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  if (typeof value !== 'object' || value === null) return {}
  return Object.fromEntries(
    Object.entries(value).flatMap(([language, entry]) => {
      const one = schema.safeParse({ [language]: entry })
      return one.success ? Object.entries(one.data) : []
    }),
  )
}
