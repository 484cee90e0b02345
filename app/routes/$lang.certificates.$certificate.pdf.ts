import type { LoaderFunctionArgs } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { unlessDatabaseAway } from '~/edge/unless-database-away.server'
import { requireUser } from '~/edge/guard.server'
import type { SessionUser } from '~/modules/auth/user'
import { certificateDownload } from '~/modules/certificates/download.server'
import { attachment, plainNotFound } from '~/utils/http'

/**
 * The certificate as a PDF, to the learner it belongs to, their administration's managers and admins.
 * Anyone else gets the same 404 as for an id that does not exist.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  return unlessDatabaseAway(args.context, () => servePdf(args, user))
}

async function servePdf(args: LoaderFunctionArgs, user: SessionUser) {
  const download = await certificateDownload({ id: args.params.certificate ?? '', viewer: user })
  if (!download) return plainNotFound(getServerT(args.context.locale, 'certificates')('download.notFound'))
  // A personal document: no shared cache may keep it.
  return attachment(download.pdf, { type: 'application/pdf', fileName: download.fileName, cache: 'private, no-store' })
}
