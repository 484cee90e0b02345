import type { z } from 'zod'
import { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import { hashPassword } from '~/modules/auth/password.server'
import { invalidateUserSessions } from '~/modules/auth/session.server'
import type { CreateUserSchema } from './users.schema'

export async function listUsers() {
  return getPrisma().user.findMany({
    orderBy: [{ disabledAt: { sort: 'desc', nulls: 'first' } }, { displayName: 'asc' }],
    take: 500,
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      administration: { select: { code: true, name: true } },
    },
  })
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
