import { getPrisma } from '~/utils/db.server'
import { generateSecretToken, hashSecretToken } from './secret-token'
import { getEnv } from '~/utils/env.server'
import { SESSION_LIFETIME_MS, judgeSession } from './session-policy'
import type { SessionUser } from './user'

export const sessionUserSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  administrationId: true,
  preferredLocale: true,
} as const

/** A session's id is the hash of its cookie token (see secret-token.ts). */
export const sessionIdFromToken = hashSecretToken

export async function createSession({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const token = generateSecretToken()
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS)
  await getPrisma().session.create({
    data: { id: sessionIdFromToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt },
    select: { id: true },
  })
  return { token, expiresAt }
}

export type ValidatedSession = { sessionId: string; user: SessionUser; renewedExpiresAt: Date | null }

export async function validateSessionToken({
  token,
  now = new Date(),
}: {
  token: string
  now?: Date
}): Promise<ValidatedSession | null> {
  const prisma = getPrisma()
  const sessionId = sessionIdFromToken(token)
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, lastSeenAt: true, user: { select: { ...sessionUserSelect, disabledAt: true } } },
  })
  if (!session) return null
  const { disabledAt, ...user } = session.user
  const verdict = judgeSession({
    expiresAt: session.expiresAt,
    lastSeenAt: session.lastSeenAt,
    userDisabled: disabledAt !== null,
    idleTimeoutMs: getEnv().SESSION_IDLE_HOURS * 60 * 60 * 1000,
    now,
  })
  if (!verdict.valid) {
    await prisma.session.deleteMany({ where: { id: sessionId } })
    return null
  }
  if (verdict.touch) {
    await prisma.session.updateMany({
      where: { id: sessionId },
      data: { lastSeenAt: now, ...(verdict.renewTo ? { expiresAt: verdict.renewTo } : {}) },
    })
  }
  return { sessionId, user, renewedExpiresAt: verdict.renewTo }
}

export async function invalidateSession({ sessionId }: { sessionId: string }) {
  await getPrisma().session.deleteMany({ where: { id: sessionId } })
}

export async function invalidateUserSessions({ userId }: { userId: string }) {
  await getPrisma().session.deleteMany({ where: { userId } })
}
