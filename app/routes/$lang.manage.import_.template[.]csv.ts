import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireManagedAdministration } from '~/edge/manage-scope.server'
import { serveReport } from '~/edge/report-download.server'
import { officerImportTemplate } from '~/modules/manage/officer-import-template'
import { listUnits } from '~/modules/manage/officers.server'
import { downloadHeaders, toCsv } from '~/modules/reports/spreadsheet.server'
import { invariantResponse } from '~/utils/http'

/**
 * The CSV file to fill in for the officer import, in the page's language, its example placed in one of
 * the administration's own units. Russian with semicolons: Excel set to Russian splits columns on them.
 */
export function loader(args: LoaderFunctionArgs) {
  return serveReport(args, async () => {
    const { administration, locale } = await requireManagedAdministration(args)
    invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
    const [unit] = await listUnits({ administrationId: administration.id })
    const table = officerImportTemplate({ locale, unitName: unit?.name ?? null })
    const body = toCsv(table, { delimiter: locale === 'ru' ? ';' : ',' })
    return new Response(body, { headers: downloadHeaders('officer-import-template.csv', 'csv') })
  })
}
