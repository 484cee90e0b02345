import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import { verifyPassword } from './password.server'
import { sessionUserSelect } from './session.server'
import { clearThrottle, getThrottleDelay, loginThrottleKeys, recordFailure } from './throttle.server'
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
}: {
  email: string
  password: string
  ip: string
}): Promise<LoginResult> {
  const keys = loginThrottleKeys({ email, ip })
  const wait = await getThrottleDelay({ keys })
  if (wait > 0) return { status: 'throttled', retryAfterSeconds: wait }

  const found = await getPrisma().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true, disabledAt: true },
  })
  const valid = await verifyPassword({ hash: found?.passwordHash ?? null, password })
  if (!found || !valid || found.disabledAt) {
    await recordFailure({ keys })
    return { status: 'invalid' }
  }
  await clearThrottle({ key: keys[0]!.key })
  const { passwordHash: _hash, disabledAt: _disabled, ...user } = found
  await writeAudit({ actorId: user.id, action: 'auth.login', administrationId: user.administrationId })
  return { status: 'ok', user }
}
