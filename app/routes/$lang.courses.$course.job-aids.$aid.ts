import type { LoaderFunctionArgs } from '@remix-run/node'
import { unlessDatabaseAway } from '~/edge/unless-database-away.server'
import { getServerT } from '~/i18n/i18n.server'
import { jobAidPdf } from '~/modules/job-aids/job-aids.server'
import { attachment, plainNotFound } from '~/utils/http'

/*
 * A job aid (issue 17) as a one-page A4 PDF in the reader's language, linked from the modules it belongs
 * to. Public like the glossary: a printed checklist at the post is the point. Rendered on request
 * (~35 ms: the sheet parses its own fonts); a shared cache may keep it for an hour, since a course changes by
 * import or publish only.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { locale } = context
  const t = getServerT(locale, 'learning')
  const words = { sourcesLabel: t('jobAids.sources'), footer: t('jobAids.footer') }
  return unlessDatabaseAway(context, async () => {
    const found = await jobAidPdf({ courseSlug: params.course ?? '', aidSlug: params.aid ?? '', locale, words })
    if (!found) return plainNotFound(t('jobAids.notFound'))
    return attachment(found.pdf, {
      type: 'application/pdf',
      fileName: `${found.slug}-${locale}.pdf`,
      cache: 'public, max-age=3600',
    })
  })
}
