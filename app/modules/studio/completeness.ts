import { LOCALES, type Locale } from '~/i18n/config'
import { readLocalizedText } from '~/i18n/localized'

/**
 * How far a language of a course is written. "missing": some text learners would read in it is empty.
 * The drafts model adds "out of date" (a text older than the one it translates) on top of this.
 */
export type LanguageState = 'missing' | 'complete'

export interface CourseTexts {
  title: unknown
  summary: unknown
  /** The course's current (not archived) modules. */
  modules: { title: unknown; bodyLocales: string[] }[]
}

const written = (value: unknown, locale: Locale) => Boolean(readLocalizedText(value)[locale]?.trim())

export function languageStates(course: CourseTexts): Record<Locale, LanguageState> {
  const states = {} as Record<Locale, LanguageState>
  for (const locale of LOCALES) {
    const complete =
      written(course.title, locale) &&
      written(course.summary, locale) &&
      course.modules.every((module) => written(module.title, locale) && module.bodyLocales.includes(locale))
    states[locale] = complete ? 'complete' : 'missing'
  }
  return states
}
