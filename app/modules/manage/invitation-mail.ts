import { supportedLocale, type Locale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { formatDateTime } from '~/utils/format'

export type InvitationDelivery = 'sent' | 'failed' | 'not-configured'

/** An invitation just made. The link is only there when it was not e-mailed: shown once, to be copied. */
export interface InvitationNotice {
  name: string
  email: string
  link: string | null
  delivery: InvitationDelivery
}

/** A `t` fixed to the officer's language; keys of the `mail` namespace, or `common:…`. */
export type MailTranslate = (key: string, options?: Record<string, string>) => string

/** The `mail` namespace's `t` in a language: given by the caller, so this domain stays free of i18n set-up. */
export type MailTranslator = (locale: Locale) => MailTranslate

/** Where an invitation link leads: the page in the officer's language, under the site's public address. */
export function invitationLink({ baseUrl, locale, token }: { baseUrl: string; locale: string; token: string }) {
  return new URL(href(supportedLocale(locale), '/invitations/:token', { token }), baseUrl).href
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!)
}

/**
 * The invitation e-mail, as plain text and as simple HTML with the same words. Names come from
 * managers and CSV files, so every value is escaped in the HTML (the text is translated first, then
 * escaped whole: the translations hold no markup).
 */
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
  const lines = {
    greeting: t('invitation.greeting', { name }),
    invited: t('invitation.invited', { administration, appName, email }),
    action: t('invitation.action'),
    expiry: t('invitation.expiry', { date: formatDateTime(expiresAt, locale) }),
    mistake: t('invitation.mistake'),
    signature: t('invitation.signature', { appName }),
    automatic: t('invitation.automatic'),
  }
  const text = [
    lines.greeting,
    lines.invited,
    `${lines.action}\n${link}`,
    lines.expiry,
    lines.mistake,
    `${lines.signature}\n${lines.automatic}`,
  ].join('\n\n')
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`
  const href = escapeHtml(link)
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 36em">
${[lines.greeting, lines.invited, lines.action].map(paragraph).join('\n')}
<p><a href="${href}" style="display: inline-block; padding: 10px 18px; background: #0b4f8a; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(t('invitation.button'))}</a></p>
<p style="font-size: 13px; word-break: break-all"><a href="${href}">${href}</a></p>
${[lines.expiry, lines.mistake].map(paragraph).join('\n')}
<p style="color: #555555">${escapeHtml(lines.signature)}<br>${escapeHtml(lines.automatic)}</p>
</body>
</html>
`
  return { subject: t('invitation.subject', { appName }), text, html }
}
