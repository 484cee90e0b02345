import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import type { Locale } from '~/i18n/config'
import { hashPassword, verifyPassword } from './password.server'
import { createSession, invalidateUserSessions } from './session.server'
import { checkPasswordThrottled } from './throttle.server'

/**
 * Changes the password after checking the current one, ends every session of the user (a stolen
 * cookie stops working) and opens a fresh one for the browser that made the change. The check runs
 * under the login throttle and counts against the same account: a stolen session is no way round it.
 */
export async function changePassword({
  userId,
  ip,
  currentPassword,
  newPassword,
  now,
}: {
  userId: string
  ip: string
  currentPassword: string
  newPassword: string
  now?: Date
}): Promise<
  | { status: 'wrong-password' }
  | { status: 'throttled'; retryAfterSeconds: number }
  | { status: 'ok'; token: string; expiresAt: Date }
> {
  const prisma = getPrisma()
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true, administrationId: true },
  })
  const check = await checkPasswordThrottled({
    email: user.email,
    ip,
    now,
    check: () => verifyPassword({ hash: user.passwordHash, password: currentPassword }),
  })
  if (check.status === 'throttled') return check
  if (check.status === 'wrong') return { status: 'wrong-password' }
  const passwordHash = await hashPassword(newPassword)
  await prisma.user.update({
    where: { id: userId },
    data: { passwordHash, passwordChangedAt: new Date() },
    select: { id: true },
  })
  await invalidateUserSessions({ userId })
  await writeAudit({ actorId: userId, action: 'auth.password_changed', administrationId: user.administrationId })
  return { status: 'ok', ...(await createSession({ userId })) }
}

export async function setPreferredLocale({ userId, locale }: { userId: string; locale: Locale }) {
  await getPrisma().user.update({ where: { id: userId }, data: { preferredLocale: locale }, select: { id: true } })
}
