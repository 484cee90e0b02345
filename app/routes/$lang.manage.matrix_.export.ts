import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveReport } from '~/edge/report-download.server'
import { loadMatrix } from '~/edge/matrix-page.server'
import { matrixExportTable } from '~/modules/manage/matrix-export'
import { downloadFileName, downloadHeaders, toCsv, toXlsx } from '~/modules/reports/spreadsheet.server'

/** The completion matrix (every officer, the page's filters) as CSV or XLSX: typed columns per course (ADR 031). */
export function loader(args: LoaderFunctionArgs) {
  return serveReport(args, async (format) => {
    const { t, administration, courses, officers } = await loadMatrix(args, { all: true })
    const table = matrixExportTable({ courses, officers }, t)
    const day = new Date().toISOString().slice(0, 10)
    const fileName = downloadFileName(['completion-matrix', administration.code, day], format)
    const body =
      format === 'xlsx' ? new Uint8Array(await toXlsx({ ...table, sheetName: t('matrix.title') })) : toCsv(table)
    return new Response(body, { headers: downloadHeaders(fileName, format) })
  })
}
