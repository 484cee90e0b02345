import { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { hashPassword } from '~/modules/auth/password.server'
import { generateSecretToken, hashSecretToken } from '~/modules/auth/secret-token'
import { getPrisma } from '~/utils/db.server'

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000

export class EmailTaken extends Error {}
export class UnknownUnit extends Error {}

/**
 * Creates the officer's account (no password yet, so nobody can log in as them) and a single-use
 * invitation link valid for 7 days, in one transaction. Returns the token: it is shown once, to be sent
 * or copied; only its hash is stored.
 */
export async function inviteOfficer({
  administrationId,
  email,
  displayName,
  unitId,
  preferredLocale,
  actorId,
  now = new Date(),
}: {
  administrationId: string
  email: string
  displayName: string
  unitId: string | null
  preferredLocale: string
  actorId: string
  now?: Date
}) {
  const token = generateSecretToken()
  try {
    const userId = await getPrisma().$transaction(async (tx) => {
      // A unit of another administration is as unknown as one that does not exist.
      if (unitId && (await tx.unit.count({ where: { id: unitId, administrationId } })) === 0) throw new UnknownUnit()
      const user = await tx.user.create({
        data: { email: email.toLowerCase(), displayName, role: 'LEARNER', administrationId, unitId, preferredLocale },
        select: { id: true },
      })
      await tx.invitation.create({
        data: {
          tokenHash: hashSecretToken(token),
          userId: user.id,
          invitedById: actorId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
        },
        select: { id: true },
      })
      await writeAudit(
        { actorId, action: 'officer.invite', targetType: 'User', targetId: user.id, administrationId },
        tx,
      )
      return user.id
    })
    return { userId, token }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new EmailTaken()
    throw error
  }
}

/** The invitation behind a link, when it can still be used: not used, not expired, account not deactivated. */
export async function findOpenInvitation({ token, now = new Date() }: { token: string; now?: Date }) {
  return getPrisma().invitation.findFirst({
    where: {
      tokenHash: hashSecretToken(token),
      acceptedAt: null,
      expiresAt: { gt: now },
      user: { disabledAt: null, passwordHash: null },
    },
    select: { id: true, user: { select: { id: true, email: true, displayName: true, preferredLocale: true } } },
  })
}

/**
 * Sets the invited officer's password and uses the link up, once: of two parallel submissions only
 * one finds the invitation still open. Returns the officer's id, or null when the link is no longer valid.
 */
export async function acceptInvitation({
  token,
  password,
  now = new Date(),
}: {
  token: string
  password: string
  now?: Date
}) {
  const invitation = await findOpenInvitation({ token, now })
  if (!invitation) return null
  const passwordHash = await hashPassword(password)
  return getPrisma().$transaction(async (tx) => {
    const used = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    })
    if (used.count === 0) return null
    await tx.user.update({
      where: { id: invitation.user.id },
      data: { passwordHash, passwordChangedAt: now },
      select: { id: true },
    })
    return invitation.user.id
  })
}
