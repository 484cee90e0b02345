import type { LoaderFunctionArgs } from '@remix-run/node'
import { unlessDatabaseAway } from '~/edge/unless-database-away.server'
import { getServerT } from '~/i18n/i18n.server'
import { can } from '~/modules/auth/permissions'
import { exportCoursePackage } from '~/modules/content/package-export.server'
import { zipPackage } from '~/modules/content/package-zip'
import { attachment, plainNotFound } from '~/utils/http'

/*
 * The course as a package archive (ADR 026), for every author, as the studio's previews are: any author
 * may read any course (ADR 018). Learners, coordinators and visitors get the same 404 as for a course
 * that does not exist. Not audit-logged: reads are not, and the request log has who fetched it.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const notFound = () => plainNotFound(getServerT(context.locale, 'studio')('packageExport.notFound'))
  if (!context.auth || !can(context.auth.user.role, 'author:courses')) return notFound()
  return unlessDatabaseAway(context, async () => {
    const exported = await exportCoursePackage({ courseSlug: params.course ?? '' })
    if (!exported) return notFound()
    const zip = zipPackage(exported.files)
    // An author's download of what may be an unpublished course: no shared cache may keep it.
    return attachment(zip, { type: 'application/zip', fileName: `${exported.slug}.zip`, cache: 'private, no-store' })
  })
}
