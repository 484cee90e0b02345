import type { AppLoadContext } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { unlessDatabaseAway } from './unless-database-away.server'
import { isReportFormat, type ReportFormat } from '~/modules/reports/report-format'

const plainText = (text: string, status: number) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * Serves a report download. `?format=` is csv (also when absent) or xlsx; anything else is a 400 that
 * names both. A download has no error page, so an expected failure thrown on the way (invariantResponse:
 * another administration's officer is a 404) comes back as plain text in the reader's language instead
 * of its i18n key; redirects (to the login page) pass through.
 */
export async function serveReport(
  { request, context }: { request: Request; context: AppLoadContext },
  build: (format: ReportFormat) => Promise<Response>,
): Promise<Response> {
  const format = new URL(request.url).searchParams.get('format') ?? 'csv'
  if (!isReportFormat(format)) {
    const t = getServerT(context.locale, 'manage')
    return plainText(t('export.badFormat'), 400)
  }
  try {
    return await unlessDatabaseAway(context, () => build(format))
  } catch (error) {
    if (!(error instanceof Response) || error.status < 400 || error.status >= 500) throw error
    const t = getServerT(context.locale, 'common')
    const key = await error.text()
    return plainText(t(key, { defaultValue: t('errors.badRequestTitle') }), error.status)
  }
}
