import { href } from '~/i18n/href'
import type { Locale } from '~/i18n/config'
import type { MatrixStatus } from '~/modules/manage/matrix'

/** The completion matrix showing only the officers whose cell in this course has this status (ADR 031). */
export const filteredMatrix = (locale: Locale, administration: string, course: string, status: MatrixStatus) =>
  href(locale, '/manage/matrix', { query: { administration, course, status } })
