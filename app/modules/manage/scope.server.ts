import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/user'
import { localizedName } from '~/i18n/localized'
import { getPrisma } from '~/utils/db.server'

export interface ManagedAdministration {
  id: string
  code: string
  name: string
}

/**
 * The administration a manage page works on, or null (the caller answers 404). A manager works on
 * their own and nothing else: naming another administration in the URL is a 404, not a quiet switch.
 * An admin names any by its code (`?administration=DEMO-AM`); without one there is none yet.
 */
export async function managedAdministration({
  user,
  requestedCode,
  locale,
}: {
  user: SessionUser
  requestedCode: string | null
  locale: string
}): Promise<ManagedAdministration | null> {
  const where = can(user.role, 'manage:all-administrations')
    ? requestedCode
      ? { code: requestedCode }
      : null
    : can(user.role, 'manage:own-administration') && user.administrationId
      ? { id: user.administrationId, ...(requestedCode ? { code: requestedCode } : {}) }
      : null
  if (!where) return null
  const found = await getPrisma().administration.findFirst({ where, select: { id: true, code: true, name: true } })
  return found && { id: found.id, code: found.code, name: localizedName(found.name, locale) }
}
