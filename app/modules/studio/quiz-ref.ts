import type { Locale } from '~/i18n/config'
import { href } from '~/i18n/href'

/*
 * Which quiz a studio address names (ADR 025): a module's quiz lives under its module,
 * `/:lang/studio/courses/:course/modules/:module/quiz`, the final exam under the course,
 * `/:lang/studio/courses/:course/exam`. Every quiz page of the studio (editor, statistics, regrading)
 * hangs below one of the two, so a module slug can never be mistaken for the exam.
 */

export interface QuizRef {
  course: string
  /** The module's slug; null for the course's final exam. */
  module: string | null
}

/** The quiz named by a route's params: the module's when the route has `:module`, else the final exam. */
export function quizRefFromParams(params: Readonly<Record<string, string | undefined>>): QuizRef {
  return { course: params.course ?? '', module: params.module ?? null }
}

/** The quiz's page in the studio, or a page below it (`/statistics`, `/questions/<slug>/regrade`). */
export function quizHref(locale: Locale, ref: QuizRef, below = ''): string {
  const base = ref.module
    ? href(locale, '/studio/courses/:course/modules/:module/quiz', { course: ref.course, module: ref.module })
    : href(locale, '/studio/courses/:course/exam', { course: ref.course })
  return `${base}${below}`
}

/** The quiz's question statistics in the studio (ADR 028). */
export function statisticsHref(locale: Locale, ref: QuizRef): string {
  return quizHref(locale, ref, '/statistics')
}

/** Regrading finished attempts after a fix of the question `slug` (ADR 028); `done` names a finished regrade. */
export function regradeHref(locale: Locale, ref: QuizRef, slug: string, { done }: { done?: string } = {}): string {
  const query = done ? `?${new URLSearchParams({ done })}` : ''
  return quizHref(locale, ref, `/questions/${encodeURIComponent(slug)}/regrade${query}`)
}
