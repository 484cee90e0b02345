// Links to set a new password (ADR 029): the rules and the e-mail, without the database.
import { supportedLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { composeLinkMail, type MailTranslate } from '~/modules/platform/link-mail'
import type { RateLimitPolicy } from '~/modules/platform/rate-limit.server'
import { formatDateTime } from '~/utils/format'

const MINUTE_MS = 60_000

/** A link asked for by e-mail: whoever reads the mailbox within the hour. */
export const EMAILED_LINK_LIFETIME_MS = 60 * MINUTE_MS
/**
 * A link a coordinator issues is passed on by hand (a call, a message to the border post), so it lives a
 * working day; it is still single-use and replaced by the next one.
 */
export const ISSUED_LINK_LIFETIME_MS = 24 * 60 * MINUTE_MS

/** E-mails to one address: enough for a lost message or two, too few to flood anyone's mailbox. */
export const RESET_ADDRESS_POLICY: RateLimitPolicy = { limit: 3, windowMs: 60 * MINUTE_MS }
/** Requests from one network, every address: a border post's officers share one address behind NAT. */
export const RESET_CLIENT_POLICY: RateLimitPolicy = { limit: 20, windowMs: 60 * MINUTE_MS }

/** Where a reset link leads: the page in the user's language, under the site's public address. */
export function passwordResetLink({ baseUrl, locale, token }: { baseUrl: string; locale: string; token: string }) {
  return new URL(href(supportedLocale(locale), '/reset-password/:token', { token }), baseUrl).href
}

/** The e-mail with a reset link, in the user's language. */
export function composePasswordResetMail({
  t,
  locale,
  name,
  link,
  expiresAt,
}: {
  t: MailTranslate
  locale: string
  name: string
  link: string
  expiresAt: Date
}) {
  const appName = t('common:appName')
  return composeLinkMail({
    locale,
    subject: t('passwordReset.subject', { appName }),
    before: [t('passwordReset.greeting', { name }), t('passwordReset.asked', { appName })],
    action: t('passwordReset.action'),
    button: t('passwordReset.button'),
    link,
    after: [t('passwordReset.expiry', { date: formatDateTime(expiresAt, locale) }), t('passwordReset.mistake')],
    footer: [t('invitation.signature', { appName }), t('invitation.automatic')],
  })
}
