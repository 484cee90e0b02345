import { supportedLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { formatDateTime } from '~/utils/format'
import { composeLinkMail, type MailTranslate } from '~/modules/platform/link-mail'

export { escapeHtml, type MailTranslate, type MailTranslator } from '~/modules/platform/link-mail'

export type InvitationDelivery = 'sent' | 'failed' | 'not-configured'

/** An invitation just made. The link is only there when it was not e-mailed: shown once, to be copied. */
export interface InvitationNotice {
  name: string
  email: string
  link: string | null
  delivery: InvitationDelivery
}

/** Where an invitation link leads: the page in the officer's language, under the site's public address. */
export function invitationLink({ baseUrl, locale, token }: { baseUrl: string; locale: string; token: string }) {
  return new URL(href(supportedLocale(locale), '/invitations/:token', { token }), baseUrl).href
}

/** The invitation e-mail, as plain text and as simple HTML with the same words (composeLinkMail). */
export function composeInvitationMail({
  t,
  locale,
  name,
  email,
  administration,
  link,
  expiresAt,
}: {
  t: MailTranslate
  locale: string
  name: string
  email: string
  administration: string
  link: string
  expiresAt: Date
}) {
  const appName = t('common:appName')
  return composeLinkMail({
    locale,
    subject: t('invitation.subject', { appName }),
    before: [t('invitation.greeting', { name }), t('invitation.invited', { administration, appName, email })],
    action: t('invitation.action'),
    button: t('invitation.button'),
    link,
    after: [t('invitation.expiry', { date: formatDateTime(expiresAt, locale) }), t('invitation.mistake')],
    footer: [t('invitation.signature', { appName }), t('invitation.automatic')],
  })
}
