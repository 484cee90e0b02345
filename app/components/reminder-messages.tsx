import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useHydrated } from './use-hydrated'

/**
 * Without a mail server: each officer's reminder, in their language, to copy into whatever reaches them
 * (a messenger, the office's own mail). The text is selectable without JavaScript; the button copies it.
 */
export function ReminderMessages({
  messages,
}: {
  messages: { officer: string; email: string; subject: string; text: string }[]
}) {
  const { t } = useTranslation('manage')
  if (messages.length === 0) return null
  return (
    <section aria-labelledby="reminder-messages-title">
      <h2 id="reminder-messages-title">{t('reminders.messages.title')}</h2>
      <p className="hint">{t('reminders.messages.hint')}</p>
      {messages.map((message, index) => (
        <ReminderMessage key={`${message.email} ${index}`} index={index} {...message} />
      ))}
    </section>
  )
}

function ReminderMessage({
  index,
  officer,
  email,
  subject,
  text,
}: {
  index: number
  officer: string
  email: string
  subject: string
  text: string
}) {
  const { t } = useTranslation('manage')
  const hydrated = useHydrated()
  const [copied, setCopied] = useState(false)
  const whole = `${subject}\n\n${text}`
  const id = `reminder-message-${index}`
  return (
    <div className="card">
      <h3 id={`${id}-title`}>
        {officer} · {email}
      </h3>
      <label htmlFor={id}>{t('reminders.messages.label', { officer })}</label>
      <textarea id={id} readOnly rows={12} value={whole} className="reminder-message" />
      {hydrated ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('reminders.messages.copyFor', { officer })}
            onClick={() => {
              void navigator.clipboard.writeText(whole).then(() => setCopied(true))
            }}
          >
            {t('reminders.messages.copy')}
          </button>{' '}
          <span role="status">{copied ? t('reminders.messages.copied') : ''}</span>
        </p>
      ) : null}
    </div>
  )
}
