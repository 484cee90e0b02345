import type { LoaderFunctionArgs } from '@remix-run/node'
import { serveReport } from '~/edge/report-download.server'
import { transcriptTable } from '~/modules/manage/transcript-table'
import { loadTranscript } from '~/edge/transcript-page.server'
import { downloadFileName, downloadHeaders, toCsv, toXlsx } from '~/modules/reports/spreadsheet.server'

/** One officer's transcript as CSV or XLSX, in the reader's language; 404 exactly where the page is. */
export function loader(args: LoaderFunctionArgs) {
  return serveReport(args, async (format) => {
    const { t, locale, administration, transcript } = await loadTranscript(args)
    const table = transcriptTable(transcript, { t, locale })
    const day = new Date().toISOString().slice(0, 10)
    const fileName = downloadFileName(['transcript', administration.code, transcript.email.split('@')[0]!, day], format)
    const body =
      format === 'xlsx' ? new Uint8Array(await toXlsx({ ...table, sheetName: t('transcript.sheet') })) : toCsv(table)
    return new Response(body, { headers: downloadHeaders(fileName, format) })
  })
}
