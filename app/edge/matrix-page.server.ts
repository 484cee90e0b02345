import type { LoaderFunctionArgs } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { invariantResponse } from '~/utils/http'
import { MatrixFilterSchema } from '~/modules/manage/manage.schema'
import { requireManagedAdministration } from './manage-scope.server'
import { getCompletionMatrix } from '~/modules/manage/matrix.server'
import { listUnits } from '~/modules/manage/officers.server'

/**
 * The matrix for the page (one page of officers) or an export (all of them), with the cells as the
 * domain gives them: the page puts them in words (`matrixViewCell`), an export in typed columns.
 */
export async function loadMatrix(args: Pick<LoaderFunctionArgs, 'request' | 'context'>, { all }: { all: boolean }) {
  const { locale, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  const t = getServerT(locale, 'manage')
  const filters = MatrixFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const units = await listUnits({ administrationId: administration.id })
  const unitId = units.some((unit) => unit.id === filters.unit) ? filters.unit : null
  const matrix = await getCompletionMatrix({
    administrationId: administration.id,
    query: filters.q,
    unitId,
    status: filters.course && filters.status ? { courseSlug: filters.course, status: filters.status } : null,
    sort: filters.sort ? { courseSlug: filters.sort, direction: filters.dir } : null,
    page: all ? 'all' : filters.page,
  })
  return {
    t,
    locale,
    administration,
    units,
    filters,
    total: matrix.total,
    pages: matrix.pages,
    courses: matrix.courses.map((course) => ({ slug: course.slug, title: localizedName(course.title, locale) })),
    officers: matrix.officers,
  }
}
