import type { Locale } from '~/i18n/config'
import { href } from '~/i18n/href'

/** Where a quiz lives: a module's quiz under its module, the final exam under its course. */
export function quizHref(
  locale: Locale,
  { courseSlug, moduleSlug }: { courseSlug: string; moduleSlug: string | null },
) {
  return moduleSlug
    ? href(locale, '/courses/:course/modules/:module/quiz', { course: courseSlug, module: moduleSlug })
    : href(locale, '/courses/:course/exam', { course: courseSlug })
}
