import { supportedLocale, type Locale } from '~/i18n/config'
import { getMailer, type Mailer } from '~/modules/platform/mailer.server'
import { localizedName } from '~/i18n/localized'
import { getPrisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import {
  composeInvitationMail,
  invitationLink,
  type InvitationDelivery,
  type MailTranslate,
  type MailTranslator,
} from './invitation-mail'

export interface IssuedInvitation {
  email: string
  displayName: string
  preferredLocale: string
  token: string
  expiresAt: Date
}

// A few messages at a time: a large import finishes sooner without crowding the mail server.
const CONCURRENCY = 3
// An unreachable server fails every message after a timeout each; stop asking after a few in a row.
const GIVE_UP_AFTER_FAILURES = 3

/**
 * E-mails each invitation in the officer's own language, after the invitations are stored. Every
 * outcome carries the link: whatever was not sent is shown to the manager to pass on, so no invitation
 * is lost to a mail failure. In the order given.
 */
export async function sendInvitationMails({
  administrationId,
  invitations,
  translate,
  mailer = getMailer(),
  baseUrl = getEnv().BASE_URL,
}: {
  administrationId: string
  invitations: IssuedInvitation[]
  translate: MailTranslator
  mailer?: Mailer
  baseUrl?: string
}) {
  const outcomes = invitations.map(({ email, displayName, preferredLocale, token }) => ({
    email,
    displayName,
    link: invitationLink({ baseUrl, locale: preferredLocale, token }),
    delivery: 'not-configured' as InvitationDelivery,
  }))
  if (!mailer.configured || invitations.length === 0) return outcomes
  const administration = await getPrisma().administration.findUniqueOrThrow({
    where: { id: administrationId },
    select: { name: true },
  })
  const translators = new Map<Locale, MailTranslate>()
  const translatorFor = (locale: Locale) => {
    if (!translators.has(locale)) translators.set(locale, translate(locale))
    return translators.get(locale)!
  }
  let next = 0
  let failuresInARow = 0
  const work = async () => {
    for (let index = next++; index < invitations.length; index = next++) {
      const outcome = outcomes[index]!
      if (failuresInARow >= GIVE_UP_AFTER_FAILURES) {
        outcome.delivery = 'failed'
        continue
      }
      const { email, displayName, expiresAt, ...invitation } = invitations[index]!
      const preferredLocale = supportedLocale(invitation.preferredLocale)
      const mail = composeInvitationMail({
        t: translatorFor(preferredLocale),
        locale: preferredLocale,
        name: displayName,
        email,
        administration: localizedName(administration.name, preferredLocale),
        link: outcome.link,
        expiresAt,
      })
      const result = await mailer.send({ ...mail, to: { name: displayName, address: email }, kind: 'invitation' })
      outcome.delivery = result.sent ? 'sent' : 'failed'
      failuresInARow = result.sent ? 0 : failuresInARow + 1
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, invitations.length) }, work))
  return outcomes
}

/** One invitation: see sendInvitationMails. */
export async function sendInvitationMail({
  invitation,
  ...rest
}: {
  administrationId: string
  invitation: IssuedInvitation
  translate: MailTranslator
  mailer?: Mailer
  baseUrl?: string
}) {
  const [outcome] = await sendInvitationMails({ ...rest, invitations: [invitation] })
  return outcome!
}
