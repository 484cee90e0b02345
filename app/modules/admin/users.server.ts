import type { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import { hashPassword } from '~/modules/auth/password.server'
import { invalidateUserSessions } from '~/modules/auth/session.server'
import { ACCOUNT_STATUS_WHERE, accountStatus } from '~/modules/auth/account-status'
import { NO_ADMINISTRATION, type CreateUserSchema, type UserFilterSchema } from './users.schema'

export const USERS_PER_PAGE = 25

export type UserFilters = z.infer<typeof UserFilterSchema>

/**
 * The `where` clause of the admin's user list: part of the name (either script) or of the e-mail, which
 * is also the sign-in name; a role; an administration, or `none` for the regional office's staff; a status
 * in the words the coordinator's pages use (`accountStatus`).
 */
export function userSearchWhere({ q, role, administration, status }: UserFilters): Prisma.UserWhereInput {
  const text = q.trim()
  return {
    AND: [
      text
        ? {
            OR: [
              { displayName: { contains: text, mode: 'insensitive' } },
              { latinName: { contains: text, mode: 'insensitive' } },
              { email: { contains: text.toLowerCase() } },
            ],
          }
        : {},
      role ? { role } : {},
      administration === NO_ADMINISTRATION
        ? { administrationId: null }
        : administration
          ? { administrationId: administration }
          : {},
      status ? ACCOUNT_STATUS_WHERE[status] : {},
    ],
  }
}

/** One page of the user list, by name, with the total so the page can offer the next ones. */
export async function listUsers(filters: UserFilters) {
  const where = userSearchWhere(filters)
  const prisma = getPrisma()
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      skip: (filters.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        disabledAt: true,
        passwordHash: true,
        createdAt: true,
        administration: { select: { code: true, name: true } },
      },
    }),
  ])
  const users = rows.map(({ passwordHash, ...user }) => ({
    ...user,
    status: accountStatus({ disabledAt: user.disabledAt, invited: passwordHash === null }),
  }))
  return { users, total, pages: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) }
}

export async function listAdministrations() {
  return getPrisma().administration.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } })
}

export type CreateUserResult =
  { status: 'ok'; id: string } | { status: 'email-taken' } | { status: 'unknown-administration' }

export async function createUser({
  actorId,
  input,
}: {
  actorId: string
  input: z.infer<typeof CreateUserSchema>
}): Promise<CreateUserResult> {
  const prisma = getPrisma()
  const administrationId = input.administrationId || null
  if (administrationId) {
    const exists = await prisma.administration.count({ where: { id: administrationId } })
    if (!exists) return { status: 'unknown-administration' }
  }
  try {
    const user = await prisma.user.create({
      data: {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        administrationId,
        preferredLocale: input.preferredLocale,
        passwordHash: await hashPassword(input.password),
      },
      select: { id: true },
    })
    await writeAudit({
      actorId,
      action: 'user.created',
      targetType: 'User',
      targetId: user.id,
      administrationId,
      details: { role: input.role },
    })
    return { status: 'ok', id: user.id }
  } catch (error) {
    // The unique index is the real guard: two admins creating the same email at once get one account.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return { status: 'email-taken' }
    throw error
  }
}

/** Disabling ends the user's sessions at once; enabling lets them log in again. */
export async function setUserDisabled({
  actorId,
  userId,
  disabled,
}: {
  actorId: string
  userId: string
  disabled: boolean
}): Promise<'ok' | 'not-found' | 'self'> {
  if (userId === actorId) return 'self'
  const prisma = getPrisma()
  const { count } = await prisma.user.updateMany({
    where: { id: userId },
    data: { disabledAt: disabled ? new Date() : null },
  })
  if (count === 0) return 'not-found'
  if (disabled) await invalidateUserSessions({ userId })
  await writeAudit({
    actorId,
    action: disabled ? 'user.disabled' : 'user.enabled',
    targetType: 'User',
    targetId: userId,
  })
  return 'ok'
}
