import { LOCALES, type Locale } from '~/i18n/config'
import { readLocalizedText } from '~/i18n/localized'

/**
 * How far a language of a course is written. "missing": some text learners would read in it is empty;
 * "out of date": every text is there, but a module's draft, or the course details' draft (ADR 024), in
 * this language is older than the text it translates (ADR 019). Missing comes first: it is what
 * learners notice.
 */
export type LanguageState = 'missing' | 'outOfDate' | 'complete'

export interface CourseTexts {
  title: unknown
  summary: unknown
  /** The course's current (not archived) modules, with the locales a draft has out of date. */
  modules: { title: unknown; bodyLocales: string[]; outOfDate: readonly Locale[] }[]
  /** The locales whose course title or summary draft is out of date. */
  details?: readonly Locale[]
}

const written = (value: unknown, locale: Locale) => Boolean(readLocalizedText(value)[locale]?.trim())

export function languageStates(course: CourseTexts): Record<Locale, LanguageState> {
  const states = {} as Record<Locale, LanguageState>
  for (const locale of LOCALES) {
    const complete =
      written(course.title, locale) &&
      written(course.summary, locale) &&
      course.modules.every((module) => written(module.title, locale) && module.bodyLocales.includes(locale))
    const outOfDate = outOfDateCounts(course.modules)[locale] > 0 || Boolean(course.details?.includes(locale))
    states[locale] = !complete ? 'missing' : outOfDate ? 'outOfDate' : 'complete'
  }
  return states
}

/** How many modules are out of date in each language. */
export function outOfDateCounts(modules: { outOfDate: readonly Locale[] }[]): Record<Locale, number> {
  const counts = {} as Record<Locale, number>
  for (const locale of LOCALES) counts[locale] = modules.filter((module) => module.outOfDate.includes(locale)).length
  return counts
}
