// Invitations by e-mail: a real SMTP server in the test, the officer's language, failures that lose
// nothing, re-sending a link, and never touching another administration's officers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { confirmOfficerImport } from '~/modules/manage/bulk-invite.server'
import { findOpenInvitation } from '~/modules/manage/invitations.server'
import { translatorFor } from '~/i18n/i18n.server'
import { runManageAction } from '~/edge/manage-actions.server'
import { createMailer } from '~/modules/platform/mailer.server'
import { getPrisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { parseMessage, startSmtpSink, type SmtpSink } from '../support/smtp-sink'

const prisma = () => getPrisma()
const A = { id: '', managerId: '' }
const B = { id: '', managerId: '', officerId: '' }

let sink: SmtpSink
let inbox: SmtpSink['inbox'] = []
let mailer = createMailer({ smtpUrl: undefined, from: 'x@example.test' })
// Nothing listens there: the connection is refused at once.
let downMailer = mailer

beforeAll(async () => {
  // The credentials travel in the URL, percent-encoded as a password with an @ must be.
  sink = await startSmtpSink({
    credentials: { username: 'mailer', password: 'p@ss word' },
    bounce: (address) => address.startsWith('bounce'),
  })
  inbox = sink.inbox
  const from = 'Customs e-Training <training@example.test>'
  mailer = createMailer({ smtpUrl: `smtp://mailer:p%40ss%20word@127.0.0.1:${sink.port}`, from })
  const closed = await startSmtpSink()
  const closedPort = closed.port
  await closed.close()
  downMailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${closedPort}`, from })

  for (const [target, code, name] of [
    [A, 'MA', { en: 'Customs Service of Testland', ru: 'Таможенная служба Тестландии' }],
    [B, 'MB', { en: 'Other Customs', ru: 'Другая таможня' }],
  ] as const) {
    const administration = await prisma().administration.create({ data: { code, name }, select: { id: true } })
    target.id = administration.id
  }
  A.managerId = (await person({ administrationId: A.id, role: 'MANAGER', email: 'manager@a.test' })).id
  B.managerId = (await person({ administrationId: B.id, role: 'MANAGER', email: 'manager@b.test' })).id
  B.officerId = (await person({ administrationId: B.id, email: 'invited@b.test', passwordHash: null })).id
})

afterAll(async () => {
  await sink.close()
})

async function person({
  administrationId,
  email,
  role = 'LEARNER',
  passwordHash = 'x',
}: {
  administrationId: string
  email: string
  role?: 'LEARNER' | 'MANAGER'
  passwordHash?: string | null
}) {
  return prisma().user.create({
    data: { email, displayName: email, role, administrationId, passwordHash },
    select: { id: true },
  })
}

/** Posts one of the officers page's forms as the manager of A (or of B). */
async function post(fields: Record<string, string>, { manager = A, withMailer = mailer } = {}) {
  const formData = new FormData()
  for (const [name, value] of Object.entries(fields)) formData.set(name, value)
  const answer = await runManageAction({
    formData,
    administrationId: manager.id,
    actorId: manager.managerId,
    url: 'http://localhost/en/manage/officers',
    locale: 'en',
    mailer: withMailer,
  })
  if (!('data' in answer)) throw new Error('expected data, not a redirect')
  return { status: answer.init?.status ?? 200, data: answer.data }
}

const invite = (email: string, displayName: string, preferredLocale = 'ru') =>
  post({ intent: 'invite', email, displayName, preferredLocale, unitId: '' })

/** Whatever the Response thrown is (an expected 4xx), its status. */
async function statusOfFailure(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  return thrown instanceof Response ? thrown.status : thrown
}

const tokenOf = (text: string) => /\/invitations\/([a-z2-7]{32})/.exec(text)?.[1] ?? null

describe('an invitation e-mailed through SMTP', () => {
  it('goes to the officer in their language, escaped, with a link that works', async () => {
    const before = inbox.length
    const { status, data } = await invite('ivan@a.test', '<b>Ivan</b> Petrov')
    expect(status).toBe(200)
    expect(data.invited).toEqual({ name: '<b>Ivan</b> Petrov', email: 'ivan@a.test', link: null, delivery: 'sent' })

    expect(inbox).toHaveLength(before + 1)
    const message = parseMessage(inbox.at(-1)!.raw)
    expect(inbox.at(-1)!.to).toEqual(['ivan@a.test'])
    expect(message.headers.subject).toBe('Приглашение на платформу «Таможенное электронное обучение»')
    expect(message.headers.from).toBe('"Customs e-Training" <training@example.test>')
    expect(message.text).toContain('Здравствуйте, <b>Ivan</b> Petrov!')
    expect(message.text).toContain('Таможенная служба Тестландии приглашает вас')
    expect(message.text).toMatch(/действительна до \d+ \S+ \d{4} г\., \d\d:\d\d UTC/)
    expect(message.html).toContain('Здравствуйте, &lt;b&gt;Ivan&lt;/b&gt; Petrov!')
    expect(message.html).not.toContain('<b>Ivan</b>')

    const token = tokenOf(message.text)
    expect(message.text).toContain(`http://localhost:3000/ru/invitations/${token}`)
    expect(tokenOf(message.html)).toBe(token)
    expect((await findOpenInvitation({ token: token! }))?.user.email).toBe('ivan@a.test')
  })

  it('keeps the officer and shows the link when the mail server is down, logging no link', async () => {
    const warn = vi.spyOn(logger, 'warn')
    const { data } = await post(
      { intent: 'invite', email: 'olga@a.test', displayName: 'Olga', preferredLocale: 'en', unitId: '' },
      { withMailer: downMailer },
    )
    expect(data.invited).toMatchObject({ email: 'olga@a.test', delivery: 'failed' })
    const token = tokenOf(data.invited!.link!)
    expect(data.invited!.link).toBe(`http://localhost:3000/en/invitations/${token}`)
    expect((await findOpenInvitation({ token: token! }))?.user.email).toBe('olga@a.test')
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ mail: 'invitation' }), 'mail not sent')
    expect(JSON.stringify(warn.mock.calls)).not.toContain(token)
    warn.mockRestore()
  })
})

describe('sending a new invitation link', () => {
  it('replaces the earlier link, once a minute at most, and is audit-logged', async () => {
    await invite('anna@a.test', 'Anna', 'en')
    const first = tokenOf(inbox.at(-1)!.raw)!
    const officer = await prisma().user.findUniqueOrThrow({ where: { email: 'anna@a.test' }, select: { id: true } })

    // A double click: the link made a moment ago stays, and no second e-mail goes out.
    const received = inbox.length
    const tooSoon = await post({ intent: 'resend', officerId: officer.id })
    expect(tooSoon).toEqual({ status: 429, data: { intent: null, result: null, invited: null, resent: 'too-soon' } })
    expect(inbox).toHaveLength(received)
    expect(await findOpenInvitation({ token: first })).not.toBeNull()

    // Two minutes later, two clicks at once: one new link, one e-mail.
    await prisma().invitation.updateMany({
      where: { userId: officer.id },
      data: { createdAt: new Date(Date.now() - 120_000) },
    })
    const both = await Promise.all([1, 2].map(() => post({ intent: 'resend', officerId: officer.id })))
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 429])
    expect(inbox).toHaveLength(received + 1)
    const { data } = both.find((answer) => answer.status === 200)!
    expect(data.resent).toEqual({ name: 'Anna', email: 'anna@a.test', link: null, delivery: 'sent' })
    const message = parseMessage(inbox.at(-1)!.raw)
    expect(message.headers.subject).toBe('Your invitation to Customs e-Training')
    const second = tokenOf(message.text)!
    expect(second).not.toBe(first)
    expect(await findOpenInvitation({ token: first })).toBeNull()
    expect((await findOpenInvitation({ token: second }))?.user.id).toBe(officer.id)
    const log = await prisma().auditLog.findMany({ where: { targetId: officer.id }, orderBy: { at: 'asc' } })
    expect(log.map((entry) => [entry.action, entry.actorId, entry.administrationId])).toEqual([
      ['officer.invite', A.managerId, A.id],
      ['officer.reinvite', A.managerId, A.id],
    ])
  })

  it('shows the new link when there is no mail server', async () => {
    const { data } = await post({ intent: 'invite', email: 'lev@a.test', displayName: 'Lev', preferredLocale: 'ru' })
    const officer = await prisma().user.findUniqueOrThrow({ where: { email: 'lev@a.test' }, select: { id: true } })
    await prisma().invitation.updateMany({ where: { userId: officer.id }, data: { createdAt: new Date(0) } })
    const offline = createMailer({ smtpUrl: undefined, from: 'x@example.test' })
    const resent = await post({ intent: 'resend', officerId: officer.id }, { withMailer: offline })
    expect(resent.data.resent).toMatchObject({ email: 'lev@a.test', delivery: 'not-configured' })
    const token = tokenOf((resent.data.resent as { link: string }).link)!
    expect((await findOpenInvitation({ token }))?.user.id).toBe(officer.id)
    expect(data.invited?.delivery).toBe('sent')
  })

  it('is not found for another administration’s officer, an active or a deactivated one: nothing written', async () => {
    const active = await person({ administrationId: A.id, email: 'active@a.test' })
    const gone = await person({ administrationId: A.id, email: 'gone@a.test', passwordHash: null })
    await prisma().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } })
    const counts = () =>
      Promise.all([
        prisma().invitation.count(),
        prisma().auditLog.count(),
        prisma().user.findMany({ orderBy: { id: 'asc' } }),
      ])
    const before = await counts()
    const received = inbox.length
    for (const officerId of [B.officerId, active.id, gone.id, 'no-such-id']) {
      expect(await statusOfFailure(post({ intent: 'resend', officerId }))).toBe(404)
    }
    expect(await counts()).toEqual(before)
    expect(inbox).toHaveLength(received)
    // B's own manager finds the same id.
    const own = await post({ intent: 'resend', officerId: B.officerId }, { manager: B })
    expect(own.data.resent).toMatchObject({ email: 'invited@b.test', delivery: 'sent' })
    expect(parseMessage(inbox.at(-1)!.raw).text).toContain('Other Customs invites you')
  })
})

describe('a confirmed CSV import', () => {
  const csv = (lines: string[]) => ['email,name,unit,language', ...lines].join('\n')

  it('e-mails every new officer after writing them, and returns the links of those it could not reach', async () => {
    const received = inbox.length
    const { invited } = await confirmOfficerImport({
      translate: translatorFor('mail'),
      administrationId: A.id,
      actorId: A.managerId,
      mailer,
      text: csv(['csv.one@a.test,Один Первый,,ru', 'bounce@a.test,Bounced Officer,,en', 'csv.two@a.test,Two,,en']),
    })
    expect(invited.map((officer) => [officer.email, officer.delivery])).toEqual([
      ['csv.one@a.test', 'sent'],
      ['bounce@a.test', 'failed'],
      ['csv.two@a.test', 'sent'],
    ])
    const subjects = inbox.slice(received).map((mail) => [mail.to[0], parseMessage(mail.raw).headers.subject])
    expect(subjects.sort()).toEqual([
      ['csv.one@a.test', 'Приглашение на платформу «Таможенное электронное обучение»'],
      ['csv.two@a.test', 'Your invitation to Customs e-Training'],
    ])
    const bounced = tokenOf(invited[1]!.link)!
    expect((await findOpenInvitation({ token: bounced }))?.user.email).toBe('bounce@a.test')
  })

  it('stops trying after a few failures in a row when the server is down; every officer is still invited', async () => {
    const lines = Array.from({ length: 8 }, (_, index) => `down.${index}@a.test,Officer ${index},,en`)
    const send = vi.spyOn(downMailer, 'send')
    const { invited } = await confirmOfficerImport({
      translate: translatorFor('mail'),
      administrationId: A.id,
      actorId: A.managerId,
      mailer: downMailer,
      text: csv(lines),
    })
    expect(invited.map((officer) => officer.delivery)).toEqual(Array(8).fill('failed'))
    expect(send.mock.calls.length).toBeLessThan(8)
    expect(await prisma().user.count({ where: { email: { startsWith: 'down.' }, administrationId: A.id } })).toBe(8)
    send.mockRestore()
  })
})
