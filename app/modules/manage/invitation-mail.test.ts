import { describe, expect, it } from 'vitest'
import { i18nForLocale } from '~/i18n/i18n.server'
import { composeInvitationMail, escapeHtml, invitationLink } from './invitation-mail'

const mail = (locale: 'en' | 'ru', name = 'Гаяне Саргсян') =>
  composeInvitationMail({
    t: i18nForLocale(locale).getFixedT(locale, 'mail'),
    locale,
    name,
    email: 'officer@example.org',
    administration: locale === 'ru' ? 'Таможенная служба Молдовы' : 'Customs Service of Moldova',
    link: 'https://training.example.org/ru/invitations/abc?x=1&y=2',
    expiresAt: new Date('2026-12-01T09:30:00Z'),
  })

describe('the invitation e-mail', () => {
  it('is written in the officer’s language, with who invites, the link and when it expires', () => {
    const ru = mail('ru')
    expect(ru.subject).toBe('Приглашение на платформу «Таможенное электронное обучение»')
    expect(ru.text).toContain('Здравствуйте, Гаяне Саргсян!')
    expect(ru.text).toContain('Таможенная служба Молдовы приглашает вас на учебную платформу')
    expect(ru.text).toContain('\nhttps://training.example.org/ru/invitations/abc?x=1&y=2\n')
    expect(ru.text).toContain('действительна до 1 дек. 2026 г., 09:30 UTC')
    const en = mail('en', 'Ivan Petrov')
    expect(en.subject).toBe('Your invitation to Customs e-Training')
    expect(en.text).toContain('Customs Service of Moldova invites you to Customs e-Training')
    expect(en.text).toContain('valid until Dec 1, 2026, 09:30 AM UTC')
    expect(en.text).not.toMatch(/{{|}}/)
  })

  it('escapes every value in the HTML', () => {
    const { html, text } = mail('en', '<b>Ivan</b> "O\'Neil" & Co')
    expect(text).toContain('Dear <b>Ivan</b> "O\'Neil" & Co,')
    expect(html).toContain('Dear &lt;b&gt;Ivan&lt;/b&gt; &quot;O&#39;Neil&quot; &amp; Co,')
    expect(html).not.toContain('<b>')
    expect(html).toContain('href="https://training.example.org/ru/invitations/abc?x=1&amp;y=2"')
    expect(html).toContain('<html lang="en">')
  })
})

describe('escapeHtml', () => {
  it('leaves nothing a browser would read as markup', () => {
    expect(escapeHtml(`<script>alert("x" + 'y')</script> & more`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; more',
    )
  })
})

describe('invitationLink', () => {
  it('leads to the page in the officer’s language under the public address', () => {
    expect(invitationLink({ baseUrl: 'https://training.example.org/', locale: 'ru', token: 'abc' })).toBe(
      'https://training.example.org/ru/invitations/abc',
    )
  })
})
