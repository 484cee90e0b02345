import type { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import type { MailTranslator } from '~/modules/platform/link-mail'
import { getMailer, type Mailer, type MailResult } from '~/modules/platform/mailer.server'
import { hitRateLimit } from '~/modules/platform/rate-limit.server'
import { supportedLocale } from '~/i18n/config'
import { getPrisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { setPasswordByLink } from './password-link.server'
import {
  EMAILED_LINK_LIFETIME_MS,
  RESET_ADDRESS_POLICY,
  RESET_CLIENT_POLICY,
  composePasswordResetMail,
  passwordResetLink,
} from './password-reset'
import { generateSecretToken, hashSecretToken } from './secret-token'
import { networkOf } from './throttle'

/**
 * A new single-use link for `userId`; every earlier open link of theirs stops working, so only the newest
 * one (the one in the latest e-mail, or the one the coordinator just read out) sets a password.
 */
export async function createPasswordResetLink(
  tx: Prisma.TransactionClient,
  { userId, issuedById, lifetimeMs, now }: { userId: string; issuedById: string | null; lifetimeMs: number; now: Date },
) {
  await tx.passwordReset.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  })
  const token = generateSecretToken()
  const expiresAt = new Date(now.getTime() + lifetimeMs)
  await tx.passwordReset.create({
    data: { tokenHash: hashSecretToken(token), userId, issuedById, createdAt: now, expiresAt },
    select: { id: true },
  })
  return { token, expiresAt }
}

export type PasswordResetRequest =
  | { status: 'throttled'; retryAfterSeconds: number }
  /** The same answer whether the address has an account or not; `delivery` settles when the e-mail has gone (tests wait for it). */
  | { status: 'accepted'; delivery: Promise<MailResult | null> }

/**
 * "Forgot your password?": counts the request against the client's network (over the limit: a 429, which
 * says nothing about the address) and against the address (over the limit: the usual answer, and no
 * e-mail). The look-up, the link and the e-mail happen after the answer, so an address with an account
 * answers as fast as one without.
 */
export async function requestPasswordReset({
  email,
  ip,
  translate,
  mailer = getMailer(),
  baseUrl = getEnv().BASE_URL,
  now = new Date(),
}: {
  email: string
  ip: string
  translate: MailTranslator
  mailer?: Mailer
  baseUrl?: string
  now?: Date
}): Promise<PasswordResetRequest> {
  const retryAfterSeconds = await hitRateLimit({ key: `reset:ip:${networkOf(ip)}`, policy: RESET_CLIENT_POLICY, now })
  if (retryAfterSeconds > 0) return { status: 'throttled', retryAfterSeconds }
  const addressWait = await hitRateLimit({ key: `reset:account:${email}`, policy: RESET_ADDRESS_POLICY, now })
  if (addressWait > 0 || !mailer.configured) return { status: 'accepted', delivery: Promise.resolve(null) }
  const delivery = emailResetLink({ email, translate, mailer, baseUrl, now }).catch((error: unknown) => {
    logger.error({ err: error, mail: 'password-reset' }, 'password reset failed')
    return null
  })
  return { status: 'accepted', delivery }
}

async function emailResetLink({
  email,
  translate,
  mailer,
  baseUrl,
  now,
}: {
  email: string
  translate: MailTranslator
  mailer: Mailer
  baseUrl: string
  now: Date
}) {
  const prisma = getPrisma()
  // A deactivated account gets nothing; an invited one may set its first password this way too.
  const user = await prisma.user.findFirst({
    where: { email, disabledAt: null },
    select: { id: true, displayName: true, preferredLocale: true, administrationId: true },
  })
  if (!user) return null
  const { token, expiresAt } = await prisma.$transaction(async (tx) => {
    const link = await createPasswordResetLink(tx, {
      userId: user.id,
      issuedById: null,
      lifetimeMs: EMAILED_LINK_LIFETIME_MS,
      now,
    })
    await writeAudit(
      {
        actorId: null,
        action: 'auth.password_reset_requested',
        targetType: 'User',
        targetId: user.id,
        administrationId: user.administrationId,
      },
      tx,
    )
    return link
  })
  const locale = supportedLocale(user.preferredLocale)
  const mail = composePasswordResetMail({
    t: translate(locale),
    locale,
    name: user.displayName,
    link: passwordResetLink({ baseUrl, locale, token }),
    expiresAt,
  })
  return mailer.send({ ...mail, to: { name: user.displayName, address: email }, kind: 'password-reset' })
}

/** The reset behind a link, when it can still be used: not used, not expired, account not deactivated. */
export async function findOpenPasswordReset({ token, now = new Date() }: { token: string; now?: Date }) {
  return getPrisma().passwordReset.findFirst({
    where: { tokenHash: hashSecretToken(token), usedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
    select: { id: true, user: { select: { id: true, email: true, displayName: true, administrationId: true } } },
  })
}

/**
 * Sets the new password and uses the link up, once (of two parallel submissions only one finds it still
 * open), and ends every session of the user: whoever had the old password is signed out everywhere.
 * Returns the user's id, or null when the link is no longer valid. The caller opens the new session.
 */
export async function completePasswordReset({
  token,
  password,
  now = new Date(),
}: {
  token: string
  password: string
  now?: Date
}) {
  const reset = await findOpenPasswordReset({ token, now })
  if (!reset) return null
  const { id: userId, administrationId } = reset.user
  return setPasswordByLink({
    userId,
    password,
    now,
    useUp: async (tx) =>
      (
        await tx.passwordReset.updateMany({
          where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      ).count > 0,
    andThen: async (tx) => {
      await tx.session.deleteMany({ where: { userId } })
      const entry = { actorId: userId, action: 'auth.password_reset', targetType: 'User', targetId: userId }
      await writeAudit({ ...entry, administrationId }, tx)
    },
  })
}
