import nodemailer from 'nodemailer'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { singleton } from '~/utils/singleton.server'

export interface MailMessage {
  to: string | { name: string; address: string }
  subject: string
  text: string
  html: string
  /** What the message is (`invitation`), for the log: the log never holds the message or its links. */
  kind: string
}

export type MailResult = { sent: true } | { sent: false; reason: 'not-configured' | 'failed' }

export interface Mailer {
  configured: boolean
  send: (message: MailMessage) => Promise<MailResult>
}

/**
 * A mailer for one SMTP server, or one that sends nothing when there is none. The caller of a web
 * request waits for the send, so an unreachable server must fail in seconds, not nodemailer's minutes.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!smtpUrl) return { configured: false, send: async () => ({ sent: false, reason: 'not-configured' }) }
  // Options in the URL's query (`?tls.rejectUnauthorized=false`) override these.
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  )
  return {
    configured: true,
    async send({ kind, ...message }) {
      try {
        await transport.sendMail(message)
        logger.info({ mail: kind }, 'mail sent')
        return { sent: true }
      } catch (error) {
        logger.warn({ mail: kind, ...describeFailure(error) }, 'mail not sent')
        return { sent: false, reason: 'failed' }
      }
    },
  }
}

/** What went wrong, without the error object: its fields may quote the message being sent. */
function describeFailure(error: unknown) {
  if (!(error instanceof Error)) return { error: String(error) }
  const [code, responseCode, command] = ['code', 'responseCode', 'command'].map((field) => Reflect.get(error, field))
  return { error: error.message, code, responseCode, command }
}

/** The process's mailer, configured from SMTP_URL and MAIL_FROM on first use. */
export function getMailer(): Mailer {
  return singleton('mailer', () => {
    const { SMTP_URL, MAIL_FROM } = getEnv()
    return createMailer({ smtpUrl: SMTP_URL, from: MAIL_FROM })
  })
}

/** Sends one message; without SMTP_URL nothing happens and the result says so. Never throws. */
export async function sendMail({ mailer = getMailer(), ...message }: MailMessage & { mailer?: Mailer }) {
  return mailer.send(message)
}
