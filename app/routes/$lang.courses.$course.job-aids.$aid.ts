import type { LoaderFunctionArgs } from '@remix-run/node'
import { unlessDatabaseAway } from '~/edge/unless-database-away.server'
import { getServerT } from '~/i18n/i18n.server'
import { jobAidPdf } from '~/modules/job-aids/job-aids.server'

/*
 * A job aid (issue 17) as a one-page A4 PDF in the reader's language, linked from the modules it belongs
 * to. Public like the glossary: a printed checklist at the post is the point. Rendered on request
 * (~20 ms); a shared cache may keep it for an hour, since a course changes by import or publish only.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { locale } = context
  const t = getServerT(locale, 'learning')
  const words = { sourcesLabel: t('jobAids.sources'), footer: t('jobAids.footer') }
  return unlessDatabaseAway(context, async () => {
    const found = await jobAidPdf({ courseSlug: params.course ?? '', aidSlug: params.aid ?? '', locale, words })
    if (!found)
      return new Response(t('jobAids.notFound'), {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
    return new Response(new Uint8Array(found.pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(found.pdf.byteLength),
        'Content-Disposition': `attachment; filename="${found.slug}-${locale}.pdf"`,
        'Cache-Control': 'public, max-age=3600',
      },
    })
  })
}
