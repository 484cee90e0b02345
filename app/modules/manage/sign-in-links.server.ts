import { writeAudit } from '~/modules/audit/audit.server'
import { ISSUED_LINK_LIFETIME_MS } from '~/modules/auth/password-reset'
import { createPasswordResetLink } from '~/modules/auth/password-reset.server'
import { getPrisma } from '~/utils/db.server'

/**
 * A "new sign-in link" for an officer who cannot read e-mail at work (ADR 029): the coordinator passes it
 * on, the officer opens it and sets a new password. Only for an active officer of the coordinator's own
 * administration (the `where` says so); null for anyone else, so ids cannot be probed. Audit-logged.
 */
export async function issueSignInLink({
  administrationId,
  officerId,
  actorId,
  now = new Date(),
}: {
  administrationId: string
  officerId: string
  actorId: string
  now?: Date
}) {
  return getPrisma().$transaction(async (tx) => {
    const officer = await tx.user.findFirst({
      where: { id: officerId, administrationId, role: 'LEARNER', disabledAt: null, passwordHash: { not: null } },
      select: { id: true, displayName: true, email: true, preferredLocale: true },
    })
    if (!officer) return null
    const link = await createPasswordResetLink(tx, {
      userId: officer.id,
      issuedById: actorId,
      lifetimeMs: ISSUED_LINK_LIFETIME_MS,
      now,
    })
    await writeAudit(
      { actorId, action: 'officer.sign_in_link', targetType: 'User', targetId: officer.id, administrationId },
      tx,
    )
    return { ...officer, ...link }
  })
}
