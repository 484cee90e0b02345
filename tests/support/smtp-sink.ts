// A real SMTP server for tests (smtp-server from npm, no mock): it keeps every message it receives, so a
// test reads what the app's mailer sent as a mail client would.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  raw: string
}

export interface SmtpSink {
  port: number
  inbox: ReceivedMail[]
  close: () => Promise<void>
}

/**
 * Listens on a free port of 127.0.0.1. With `credentials`, a client must log in with them; recipients
 * `bounce` says yes to are refused with a 550, as a mail server refuses an unknown mailbox.
 */
export async function startSmtpSink({
  credentials,
  bounce = () => false,
}: {
  credentials?: { username: string; password: string }
  bounce?: (address: string) => boolean
} = {}): Promise<SmtpSink> {
  const inbox: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: !credentials,
    allowInsecureAuth: true,
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.username && auth.password === credentials.password)
        callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      if (bounce(address.address)) callback(Object.assign(new Error('No such user'), { responseCode: 550 }))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString() })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { port, inbox, close: () => new Promise<void>((resolve) => server.close(resolve)) }
}

/** Just enough MIME for nodemailer's output: headers, one multipart/alternative, QP or base64 parts. */
export function parseMessage(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n')
  const headers = parseHeaders(head!)
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1]
  const parts = boundary
    ? rest
        .join('\r\n\r\n')
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => {
          const [partHead, ...body] = part.replace(/^\r\n/, '').split('\r\n\r\n')
          const partHeaders = parseHeaders(partHead!)
          return { type: partHeaders['content-type'] ?? '', body: decodeBody(body.join('\r\n\r\n'), partHeaders) }
        })
    : []
  const partOf = (type: string) => parts.find((part) => part.type.startsWith(type))?.body ?? ''
  return { headers, text: partOf('text/plain'), html: partOf('text/html') }
}

function parseHeaders(head: string) {
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ')
  return Object.fromEntries(
    unfolded.split('\r\n').map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim())]
    }),
  )
}

function decodeWords(value: string) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString()
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}

function decodeBody(body: string, headers: Record<string, string>) {
  const encoding = headers['content-transfer-encoding']?.toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString()
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\r\n/g, ''))
  return body
}

function decodeQuotedPrintable(text: string) {
  const bytes: number[] = []
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3)
    if (text[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      index += 2
    } else bytes.push(...Buffer.from(text[index]!))
  }
  return Buffer.from(bytes).toString()
}
