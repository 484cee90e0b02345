import { z } from '~/utils/zod'
import type { Prisma } from '~/generated/prisma/client'
import { isLocale, LOCALES, perLocale, type Locale } from '~/i18n/config'
import { readLocalizedList, readLocalizedText } from '~/i18n/localized'
import { courseSchema, missingTranslations, passMarkSchema } from '~/modules/content/package.schema'
import { detailsText, TEXT_FIELDS, type DetailsField, type TextField } from './course.schema'
import {
  confirmField,
  parseConfirmed,
  translationStatus,
  type Confirmed,
  type DraftTexts,
  type FieldStatus,
} from './translation-status'

/*
 * A course's details as the studio edits them (ADR 024): what learners read (the Course row and its
 * final exam's pass mark) and the draft. Their translation status is the module texts' (ADR 019),
 * computed by the same code with the summary where a module has its body.
 */

export interface CourseDetails {
  category: string
  title: Record<Locale, string>
  summary: Record<Locale, string>
  /** Per language, in order ([] where a language has none). */
  objectives: Record<Locale, string[]>
  certificateValidityMonths: number | null
  /** The final exam's; null when the course has none. */
  passMark: number | null
}

/** What the studio reads of a course's details draft. */
export const detailsDraftSelect = {
  category: true,
  title: true,
  summary: true,
  objectives: true,
  certificateValidityMonths: true,
  passMark: true,
  confirmed: true,
  version: true,
  updatedById: true,
  updatedAt: true,
} satisfies Prisma.CourseDraftSelect

/** What the studio reads of a course's details: what learners read, and the draft. */
export const courseDetailsSelect = {
  category: true,
  title: true,
  summary: true,
  objectives: true,
  certificateValidityMonths: true,
  quizzes: { where: { kind: 'FINAL_EXAM' }, select: { passMark: true } },
  detailsDraft: { select: detailsDraftSelect },
} satisfies Prisma.CourseSelect

/** Per-language maps as stored ("" where a language has no text). */
export const readTexts = (value: unknown) => perLocale((locale) => readLocalizedText(value)[locale] ?? '')
/** Per-language lists as stored ([] where a language has none). */
export const readLists = (value: unknown) => perLocale((locale) => readLocalizedList(value)[locale] ?? [])

interface StoredDetails {
  category: string
  title: unknown
  summary: unknown
  objectives: unknown
  certificateValidityMonths: number | null
}

/** What learners read: the Course row and its final exam's pass mark. */
export function publishedDetails(course: StoredDetails & { quizzes: { passMark: number }[] }): CourseDetails {
  return draftDetails({ ...course, passMark: course.quizzes[0]?.passMark ?? null })
}

export function draftDetails({
  category,
  title,
  summary,
  objectives,
  certificateValidityMonths,
  passMark,
}: StoredDetails & { passMark: number | null }): CourseDetails {
  const texts = { title: readTexts(title), summary: readTexts(summary), objectives: readLists(objectives) }
  return { category, ...texts, certificateValidityMonths, passMark }
}

/**
 * The details as the studio shows them: what learners read, the draft (the published details at
 * version 0 while there is none), the fields it changes and its translation status.
 */
export function describeDetails(
  course: StoredDetails & {
    quizzes: { passMark: number }[]
    detailsDraft: (StoredDetails & { passMark: number | null; confirmed: unknown; version: number }) | null
  },
) {
  const published = publishedDetails(course)
  const draft = course.detailsDraft
  const values = draft ? draftDetails(draft) : published
  const confirmed = draft ? parseDetailsConfirmed(draft.confirmed) : confirmAllDetails(published)
  return {
    published,
    draft: values,
    version: draft?.version ?? 0,
    changed: changedFields(values, published),
    status: detailsStatus(values, confirmed),
  }
}

/** The details as the Course row holds them (the pass mark is the final exam's). */
export const courseColumns = ({ category, title, summary, objectives, certificateValidityMonths }: CourseDetails) => ({
  category,
  title,
  summary,
  objectives,
  certificateValidityMonths,
})

/** The details as their draft holds them. */
export const draftColumns = (details: CourseDetails) => ({ ...courseColumns(details), passMark: details.passMark })

/** The fields whose values differ, in the form's order. */
export function changedFields(a: CourseDetails, b: CourseDetails): DetailsField[] {
  const fields: DetailsField[] = []
  if (a.category !== b.category) fields.push('category')
  for (const field of TEXT_FIELDS)
    for (const locale of LOCALES)
      if (detailsText(a, field, locale) !== detailsText(b, field, locale)) fields.push(`${field}.${locale}`)
  if (a.certificateValidityMonths !== b.certificateValidityMonths) fields.push('certificateValidityMonths')
  if (a.passMark !== b.passMark) fields.push('passMark')
  return fields
}

/**
 * What each language's texts were last confirmed against in the other languages, stored per locale as
 * `{ title: { ru: { hash, text } }, summary: …, objectives: … }`; unreadable JSON is never confirmed.
 */
export type DetailsConfirmed = Record<Locale, Record<TextField, Confirmed['title']>>

const stored = z.record(
  z.string(),
  z.object({ title: z.unknown(), summary: z.unknown(), objectives: z.unknown() }).partial(),
)

/*
 * translation-status.ts works on a module's two texts, its title and body. The details have three, so
 * they go to it as two pairs: the title and summary, and the objectives (one a line) alone.
 */
const PAIRS = [
  ['title', 'summary'],
  ['objectives', null],
] as const satisfies readonly (readonly [TextField, TextField | null])[]
type Pair = (typeof PAIRS)[number]
const pairOf = (field: TextField): Pair => PAIRS.find((pair) => pair.includes(field as never))!

export function parseDetailsConfirmed(value: unknown): DetailsConfirmed {
  const parsed = stored.safeParse(value)
  const entries = parsed.success ? parsed.data : {}
  return perLocale((locale) => {
    const entry = entries[locale]
    const main = parseConfirmed({ title: entry?.title, body: entry?.summary })
    const list = parseConfirmed({ title: entry?.objectives })
    return { title: main.title, summary: main.body, objectives: list.title }
  })
}

/** The JSON to store. */
export function storedConfirmed(confirmed: DetailsConfirmed) {
  return perLocale((locale) => ({ ...confirmed[locale] }))
}

const asTexts = (details: CourseDetails, confirmed: DetailsConfirmed, [title, body]: Pair): DraftTexts =>
  perLocale((locale) => ({
    title: detailsText(details, title, locale),
    markdown: body ? detailsText(details, body, locale) : '',
    confirmed: { title: confirmed[locale][title], body: body ? confirmed[locale][body] : {} },
  }))

export type DetailsStatus = Record<TextField, Record<Locale, FieldStatus>>

export function detailsStatus(details: CourseDetails, confirmed: DetailsConfirmed): DetailsStatus {
  const [main, list] = PAIRS.map((pair) => translationStatus(asTexts(details, confirmed, pair)))
  return { title: main!.title, summary: main!.body, objectives: list!.title }
}

/** The languages whose title, summary or objectives are out of date. */
export function outOfDateDetails(status: DetailsStatus): Locale[] {
  return LOCALES.filter((locale) => TEXT_FIELDS.some((field) => status[field][locale].state === 'outOfDate'))
}

const NOTHING_CONFIRMED: DetailsConfirmed = perLocale(() => ({ title: {}, summary: {}, objectives: {} }))

/** Published details arriving in a draft, or a package's: their author said the languages match. */
export function confirmAllDetails(details: CourseDetails): DetailsConfirmed {
  let confirmed = NOTHING_CONFIRMED
  for (const field of TEXT_FIELDS)
    for (const locale of LOCALES) confirmed = confirmDetailsField(details, confirmed, locale, field) ?? confirmed
  return confirmed
}

/** "Mark as up to date" for one language's field; null when there is nothing to confirm it against. */
export function confirmDetailsField(
  details: CourseDetails,
  confirmed: DetailsConfirmed,
  locale: Locale,
  field: TextField,
): DetailsConfirmed | null {
  const pair = pairOf(field)
  const [title, body] = pair
  const updated = confirmField(asTexts(details, confirmed, pair), locale, field === title ? 'title' : 'body')
  if (Object.keys(updated).length === 0) return null
  return perLocale((each) => {
    const confirmation = updated[each]
    if (!confirmation) return confirmed[each]
    return { ...confirmed[each], [title]: confirmation.title, ...(body ? { [body]: confirmation.body } : {}) }
  })
}

/** Per-language maps as a package holds them: only the languages that have a text. */
const written = <T extends string | string[]>(texts: Record<Locale, T>, has: (value: T) => boolean) =>
  Object.fromEntries(LOCALES.filter((locale) => has(texts[locale])).map((locale) => [locale, texts[locale]]))
const hasText = (text: string) => text.trim() !== ''
const hasItems = (list: string[]) => list.length > 0

const packageDetails = courseSchema.pick({
  category: true,
  title: true,
  summary: true,
  objectives: true,
  certificateValidityMonths: true,
})

/**
 * What `courses:validate --strict` would say about these details, as the fields it names: the
 * package's own schema (its limits are the studio form's, COURSE_LIMITS) and its strict translation check.
 */
export function detailsProblems(details: CourseDetails, { finalExam }: { finalExam: boolean }): DetailsField[] {
  const problems = new Set<DetailsField>()
  const { passMark, ...course } = details
  const parsed = packageDetails.safeParse({
    ...course,
    title: written(course.title, hasText),
    summary: written(course.summary, hasText),
    objectives: written(course.objectives, hasItems),
  })
  if (parsed.success) {
    for (const { path, locales } of missingTranslations(parsed.data))
      for (const locale of locales) problems.add(`${String(path[0])}.${locale}` as DetailsField)
  } else {
    for (const { path } of parsed.error.issues) {
      const [field, locale] = path
      if (field === 'title' || field === 'summary' || field === 'objectives') {
        for (const each of isLocale(locale) ? [locale] : LOCALES) problems.add(`${field}.${each}`)
      } else if (field === 'category' || field === 'certificateValidityMonths') problems.add(field)
    }
  }
  if (finalExam && !passMarkSchema.safeParse(passMark).success) problems.add('passMark')
  return [...problems]
}
