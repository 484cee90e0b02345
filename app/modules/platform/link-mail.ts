// The shape of every e-mail that carries a single-use link (an invitation, a password reset): a few
// paragraphs, the link as a button and as text, a few more paragraphs, a signature.

import type { Locale } from '~/i18n/config'

/** A `t` fixed to the recipient's language; keys of the `mail` namespace, or `common:…`. */
export type MailTranslate = (key: string, options?: Record<string, string | number>) => string

/** The `mail` namespace's `t` in a language: given by the caller, so the domains stay free of i18n set-up. */
export type MailTranslator = (locale: Locale) => MailTranslate

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!)
}

/**
 * The message as plain text and as simple HTML with the same words. Names come from managers, CSV files
 * and visitors, so every value is escaped in the HTML (texts are translated first, then escaped whole:
 * the translations hold no markup).
 */
export function composeLinkMail({
  locale,
  subject,
  before,
  action,
  button,
  link,
  after,
  footer,
}: {
  locale: string
  subject: string
  /** Paragraphs above the link; the last one, `action`, says what the link does. */
  before: string[]
  action: string
  button: string
  link: string
  after: string[]
  /** The signature's lines, in one paragraph. */
  footer: string[]
}) {
  const text = [...before, `${action}\n${link}`, ...after, footer.join('\n')].join('\n\n')
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`
  const href = escapeHtml(link)
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 36em">
${[...before, action].map(paragraph).join('\n')}
<p><a href="${href}" style="display: inline-block; padding: 10px 18px; background: #0b4f8a; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(button)}</a></p>
<p style="font-size: 13px; word-break: break-all"><a href="${href}">${href}</a></p>
${after.map(paragraph).join('\n')}
<p style="color: #555555">${footer.map(escapeHtml).join('<br>')}</p>
</body>
</html>
`
  return { subject, text, html }
}
