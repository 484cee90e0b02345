import { z } from '~/utils/zod'
import { LOCALES, perLocale, type Locale } from '~/i18n/config'
import { sha256 } from '~/modules/content/package-hash'

/*
 * Translation status of a module's draft (ADR 019). Each locale's text of each field remembers what it
 * was last confirmed against in every other locale; a different text there now means "out of date".
 */

export const FIELDS = ['title', 'body'] as const
export type Field = (typeof FIELDS)[number]

/** What a text was confirmed against: the other locale's text then, and its hash to compare quickly. */
const confirmation = z.object({ hash: z.string(), text: z.string() })
const confirmedSchema = z.object({
  title: z.partialRecord(z.enum(LOCALES), confirmation).default({}),
  body: z.partialRecord(z.enum(LOCALES), confirmation).default({}),
})
export type Confirmed = z.output<typeof confirmedSchema>

/** The stored JSON; anything unreadable counts as never confirmed, which flags rather than hides. */
export function parseConfirmed(value: unknown): Confirmed {
  const result = confirmedSchema.safeParse(value)
  return result.success ? result.data : { title: {}, body: {} }
}

/** `{ title: { ru: "<hash>" }, body: … }`: a confirmation without the text it was made against. */
export function confirmedHashes(confirmed: Confirmed) {
  const hashes = (field: Field): Partial<Record<Locale, string>> =>
    Object.fromEntries(
      LOCALES.flatMap((other) => {
        const confirmation = confirmed[field][other]
        return confirmation ? [[other, confirmation.hash]] : []
      }),
    )
  return { title: hashes('title'), body: hashes('body') }
}

export interface DraftText {
  title: string
  markdown: string
  confirmed: Confirmed
}
export type DraftTexts = Record<Locale, DraftText>

export const fieldText = (text: Pick<DraftText, 'title' | 'markdown'>, field: Field) =>
  field === 'title' ? text.title : text.markdown
const isMissing = (value: string) => value.trim() === ''

export type FieldState = 'missing' | 'outOfDate' | 'upToDate'
export interface FieldStatus {
  state: FieldState
  /** The locales whose text changed since this one was confirmed against them. */
  outOfDateAgainst: Locale[]
}
export type TranslationStatus = Record<Field, Record<Locale, FieldStatus>>

/**
 * One field of one locale reduced to what the status needs: whether it is written, its hash, and the
 * hashes it was confirmed against. Drafts, the course list and published revisions all come down to this.
 */
export interface HashedField {
  missing: boolean
  hash: string
  confirmed: Partial<Record<Locale, string>>
}
export type HashedTexts = Record<Locale, Record<Field, HashedField>>

/** The locales whose `field` changed since `locale`'s was confirmed against them (none if it is missing). */
export function outOfDateAgainst(texts: HashedTexts, locale: Locale, field: Field): Locale[] {
  if (texts[locale][field].missing) return []
  return LOCALES.filter((other) => {
    const source = texts[other][field]
    return other !== locale && !source.missing && texts[locale][field].confirmed[other] !== source.hash
  })
}

/** The locales out of date in any field. */
export function outOfDateLocales(texts: HashedTexts): Locale[] {
  return LOCALES.filter((locale) => FIELDS.some((field) => outOfDateAgainst(texts, locale, field).length > 0))
}

function hashTexts(texts: DraftTexts): HashedTexts {
  return perLocale((locale) => {
    const confirmed = confirmedHashes(texts[locale].confirmed)
    const field = (name: Field): HashedField => {
      const text = fieldText(texts[locale], name)
      return { missing: isMissing(text), hash: sha256(text), confirmed: confirmed[name] }
    }
    return { title: field('title'), body: field('body') }
  })
}

export function translationStatus(texts: DraftTexts): TranslationStatus {
  const hashed = hashTexts(texts)
  const fieldStatus = (field: Field, locale: Locale): FieldStatus => {
    if (hashed[locale][field].missing) return { state: 'missing', outOfDateAgainst: [] }
    const against = outOfDateAgainst(hashed, locale, field)
    return { state: against.length > 0 ? 'outOfDate' : 'upToDate', outOfDateAgainst: against }
  }
  return {
    title: perLocale((locale) => fieldStatus('title', locale)),
    body: perLocale((locale) => fieldStatus('body', locale)),
  }
}

/**
 * One locale's text as a revision keeps it: the text, the hashes it was confirmed against, and the
 * locales it was out of date against when published — worked out once here, so the reader, on every
 * page view, only reads it.
 */
export function revisionText(texts: DraftTexts, locale: Locale, status = translationStatus(texts)) {
  const { title, markdown, confirmed } = texts[locale]
  const outOfDateAgainst = LOCALES.filter((other) =>
    FIELDS.some((f) => status[f][locale].outOfDateAgainst.includes(other)),
  )
  return { title, markdown, confirmed: confirmedHashes(confirmed), outOfDateAgainst }
}

/**
 * "These say the same thing", for one field: `locale` is confirmed against every other locale's
 * current text and each of them against `locale`'s — the statement is symmetric, so bringing the
 * Russian up to date does not leave the English flagged because the Russian changed. Returns the new
 * confirmations of every locale that changed.
 */
export function confirmField(texts: DraftTexts, locale: Locale, field: Field): Partial<Record<Locale, Confirmed>> {
  const own = fieldText(texts[locale], field)
  if (isMissing(own)) return {}
  const updated: Partial<Record<Locale, Confirmed>> = {}
  const confirmedOf = (target: Locale) => (updated[target] ??= structuredClone(texts[target].confirmed))
  for (const other of LOCALES) {
    const source = fieldText(texts[other], field)
    if (other === locale || isMissing(source)) continue
    confirmedOf(locale)[field][other] = { hash: sha256(source), text: source }
    confirmedOf(other)[field][locale] = { hash: sha256(own), text: own }
  }
  return updated
}

/** A text arriving from a package or the published module: the author said its languages match. */
export function confirmAll(texts: Record<Locale, Pick<DraftText, 'title' | 'markdown'>>): Record<Locale, Confirmed> {
  let current: DraftTexts = perLocale((locale) => ({ ...texts[locale], confirmed: { title: {}, body: {} } }))
  for (const field of FIELDS) {
    for (const locale of LOCALES) current = withConfirmed(current, confirmField(current, locale, field))
  }
  return perLocale((locale) => current[locale].confirmed)
}

export function withConfirmed(texts: DraftTexts, confirmed: Partial<Record<Locale, Confirmed>>): DraftTexts {
  return perLocale((locale) => ({ ...texts[locale], confirmed: confirmed[locale] ?? texts[locale].confirmed }))
}
