import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import { verifyPassword } from './password.server'
import { sessionUserSelect } from './session.server'
import { checkPasswordThrottled } from './throttle.server'
import type { SessionUser } from './user'

export type LoginResult =
  { status: 'ok'; user: SessionUser } | { status: 'invalid' } | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Checks credentials. Wrong password, unknown email and disabled account all give the same
 * 'invalid' so that the response never reveals which accounts exist.
 */
export async function attemptLogin({
  email,
  password,
  ip,
  now,
}: {
  email: string
  password: string
  ip: string
  now?: Date
}): Promise<LoginResult> {
  // The look-up is cheap; the costly hash comparison waits behind the throttle.
  const found = await getPrisma().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true, disabledAt: true },
  })
  const check = await checkPasswordThrottled({
    email,
    ip,
    now,
    check: async () =>
      (await verifyPassword({ hash: found?.passwordHash ?? null, password })) && !!found && !found.disabledAt,
  })
  if (check.status === 'throttled') return check
  if (check.status === 'wrong' || !found) return { status: 'invalid' }
  const { passwordHash: _hash, disabledAt: _disabled, ...user } = found
  await writeAudit({ actorId: user.id, action: 'auth.login', administrationId: user.administrationId })
  return { status: 'ok', user }
}
