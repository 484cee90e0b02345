import { randomUUID } from 'node:crypto'
import { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { setPasswordByLink } from '~/modules/auth/password-link.server'
import { generateSecretToken, hashSecretToken } from '~/modules/auth/secret-token'
import { getPrisma } from '~/utils/db.server'

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000

export class EmailTaken extends Error {}
export class UnknownUnit extends Error {}

export interface NewOfficer {
  email: string
  displayName: string
  /** The name in Latin script (ADR 029), already checked. */
  latinName?: string | null
  unitId: string | null
  preferredLocale: string
}

/**
 * Creates each officer's account (no password yet, so nobody can log in as them) and a single-use
 * invitation link valid for 7 days, all in one transaction: every officer or none. Returns the tokens,
 * in order: they are shown once, to be sent or copied; only their hashes are stored.
 */
export async function inviteOfficers({
  administrationId,
  officers,
  actorId,
  now = new Date(),
}: {
  administrationId: string
  officers: NewOfficer[]
  actorId: string
  now?: Date
}) {
  try {
    return await getPrisma().$transaction(async (tx) => {
      // A unit of another administration is as unknown as one that does not exist.
      const unitIds = [...new Set(officers.flatMap((officer) => (officer.unitId ? [officer.unitId] : [])))]
      if ((await tx.unit.count({ where: { id: { in: unitIds }, administrationId } })) !== unitIds.length) {
        throw new UnknownUnit()
      }
      const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS)
      // Three statements for any number of officers: ids are made here so the rows can refer to each other.
      const invited = officers.map(({ email, displayName, latinName = null, unitId, preferredLocale }) => ({
        userId: randomUUID(),
        email: email.toLowerCase(),
        displayName,
        latinName,
        unitId,
        preferredLocale,
        token: generateSecretToken(),
        expiresAt,
      }))
      await tx.user.createMany({
        data: invited.map(({ userId, email, displayName, latinName, unitId, preferredLocale }) => ({
          id: userId,
          email,
          displayName,
          latinName,
          role: 'LEARNER' as const,
          administrationId,
          unitId,
          preferredLocale,
        })),
      })
      await tx.invitation.createMany({
        data: invited.map(({ userId, token }) => ({
          tokenHash: hashSecretToken(token),
          userId,
          invitedById: actorId,
          createdAt: now,
          expiresAt,
        })),
      })
      await writeAudit(
        invited.map(({ userId }) => ({
          actorId,
          action: 'officer.invite',
          targetType: 'User',
          targetId: userId,
          administrationId,
        })),
        tx,
      )
      return invited.map(({ unitId: _unit, latinName: _latin, ...officer }) => officer)
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new EmailTaken()
    throw error
  }
}

/** One officer: see inviteOfficers. */
export async function inviteOfficer({
  administrationId,
  actorId,
  now,
  ...officer
}: NewOfficer & { administrationId: string; actorId: string; now?: Date }) {
  const [invited] = await inviteOfficers({ administrationId, officers: [officer], actorId, now })
  return invited!
}

/** A manager may send a new link once a minute per officer: a double click must not send two e-mails. */
export const RESEND_INTERVAL_MS = 60_000

/**
 * A new link for an officer who has not set a password yet (and is not deactivated); every earlier
 * link of theirs stops working. Null when no such officer is in the administration; `tooSoon` when
 * the last link was made less than a minute ago. Re-sends for one officer queue on the officer's
 * row, so two at once cannot both pass the check.
 */
export async function resendInvitation({
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
    const where = {
      id: officerId,
      administrationId,
      role: 'LEARNER' as const,
      passwordHash: null,
      disabledAt: null,
    }
    // The update takes the row lock that serialises re-sends; the count tells whether the officer is ours.
    if ((await tx.user.updateMany({ where, data: { updatedAt: now } })).count === 0) return null
    const last = await tx.invitation.findFirst({
      where: { userId: officerId },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    })
    if (last && now.getTime() - last.createdAt.getTime() < RESEND_INTERVAL_MS) return { tooSoon: true } as const
    await tx.invitation.updateMany({
      where: { userId: officerId, acceptedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    })
    const token = generateSecretToken()
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS)
    await tx.invitation.create({
      data: { tokenHash: hashSecretToken(token), userId: officerId, invitedById: actorId, createdAt: now, expiresAt },
      select: { id: true },
    })
    await writeAudit(
      { actorId, action: 'officer.reinvite', targetType: 'User', targetId: officerId, administrationId },
      tx,
    )
    const officer = await tx.user.findUniqueOrThrow({
      where: { id: officerId },
      select: { email: true, displayName: true, preferredLocale: true },
    })
    return { tooSoon: false, invitation: { ...officer, token, expiresAt } } as const
  })
}

/** Which of these e-mails already have an account (e-mails are unique on the platform). */
export async function takenEmails(emails: string[]) {
  const rows = await getPrisma().user.findMany({ where: { email: { in: emails } }, select: { email: true } })
  return new Set(rows.map((row) => row.email))
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
  return setPasswordByLink({
    userId: invitation.user.id,
    password,
    now,
    useUp: async (tx) =>
      (await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } }))
        .count > 0,
  })
}
