import type { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { invalidateUserSessions } from '~/modules/auth/session.server'
import { getPrisma } from '~/utils/db.server'
import { ACCOUNT_STATUS_WHERE, accountStatus, type AccountStatus } from '~/modules/auth/account-status'

export const OFFICERS_PER_PAGE = 50

/** An officer is a learner of the administration; every query about one starts from this. */
const officersOf = (administrationId: string): Prisma.UserWhereInput => ({ administrationId, role: 'LEARNER' })

/** One page of the administration's officers, by name, filtered by text (name, e-mail), unit and status. */
export async function listOfficers({
  administrationId,
  query = '',
  unitId = null,
  status = null,
  page = 1,
}: {
  administrationId: string
  query?: string
  unitId?: string | null
  status?: AccountStatus | null
  page?: number
}) {
  const text = query.trim()
  const where: Prisma.UserWhereInput = {
    AND: [
      officersOf(administrationId),
      text
        ? {
            OR: [{ displayName: { contains: text, mode: 'insensitive' } }, { email: { contains: text.toLowerCase() } }],
          }
        : {},
      unitId ? { unitId } : {},
      status ? ACCOUNT_STATUS_WHERE[status] : {},
    ],
  }
  const prisma = getPrisma()
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * OFFICERS_PER_PAGE,
      take: OFFICERS_PER_PAGE,
      select: {
        id: true,
        email: true,
        displayName: true,
        disabledAt: true,
        passwordHash: true,
        createdAt: true,
        unit: { select: { name: true } },
      },
    }),
  ])
  const officers = rows.map(({ passwordHash, disabledAt, unit, ...officer }) => ({
    ...officer,
    unit: unit?.name ?? null,
    status: accountStatus({ disabledAt, invited: passwordHash === null }),
  }))
  return { officers, total, pages: Math.max(1, Math.ceil(total / OFFICERS_PER_PAGE)) }
}

export async function listUnits({ administrationId }: { administrationId: string }) {
  return getPrisma().unit.findMany({
    where: { administrationId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
}

/**
 * Deactivates an officer (they can no longer log in; their sessions end) or reactivates them. Nothing
 * is deleted: progress, attempts and certificates stay. False when no such officer is in the administration.
 */
export async function setOfficerActive({
  administrationId,
  officerId,
  active,
  actorId,
}: {
  administrationId: string
  officerId: string
  active: boolean
  actorId: string
}) {
  const changed = await getPrisma().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { AND: [{ id: officerId }, officersOf(administrationId)] },
      data: { disabledAt: active ? null : new Date() },
    })
    if (updated.count === 0) return false
    await writeAudit(
      {
        actorId,
        action: active ? 'officer.reactivate' : 'officer.deactivate',
        targetType: 'User',
        targetId: officerId,
        administrationId,
      },
      tx,
    )
    return true
  })
  if (changed && !active) await invalidateUserSessions({ userId: officerId })
  return changed
}

/** Sets (or, with null, clears) an officer's name in Latin script. False when no such officer is in the administration. */
export async function setOfficerLatinName({
  administrationId,
  officerId,
  latinName,
  actorId,
}: {
  administrationId: string
  officerId: string
  latinName: string | null
  actorId: string
}) {
  return getPrisma().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { AND: [{ id: officerId }, officersOf(administrationId)] },
      data: { latinName },
    })
    if (updated.count === 0) return false
    await writeAudit(
      { actorId, action: 'officer.latin_name', targetType: 'User', targetId: officerId, administrationId },
      tx,
    )
    return true
  })
}
