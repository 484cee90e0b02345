// Forgotten passwords and coordinator-issued sign-in links (ADR 029), on the real database with a real
// SMTP server: only token hashes stored, single use, expiry by the clock given, one answer for every
// address, throttles, every other session ended; and the officer page's Latin name and its scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runOfficerAction } from '~/edge/officer-actions.server'
import { translatorFor } from '~/i18n/i18n.server'
import { hashPassword, verifyPassword } from '~/modules/auth/password.server'
import { EMAILED_LINK_LIFETIME_MS, ISSUED_LINK_LIFETIME_MS } from '~/modules/auth/password-reset'
import {
  completePasswordReset,
  findOpenPasswordReset,
  requestPasswordReset,
} from '~/modules/auth/password-reset.server'
import { hashSecretToken } from '~/modules/auth/secret-token'
import { createSession, validateSessionToken } from '~/modules/auth/session.server'
import { confirmOfficerImport } from '~/modules/manage/bulk-invite.server'
import { issueSignInLink } from '~/modules/manage/sign-in-links.server'
import { createMailer, type Mailer } from '~/modules/platform/mailer.server'
import { getPrisma } from '~/utils/db.server'
import { action as forgotAction } from '~/routes/$lang.forgot-password'
import { action as resetAction, loader as resetLoader } from '~/routes/$lang.reset-password.$token'
import { routeAnswer } from '../support/route-answer'
import { studioContext } from '../support/studio-users'
import { parseMessage, startSmtpSink, type SmtpSink } from '../support/smtp-sink'

const prisma = () => getPrisma()
const OLD = 'the old password 1'
const NEW = 'a brand new password 2'
const now = new Date('2026-12-07T10:00:00Z')
const minutes = (count: number) => new Date(now.getTime() + count * 60_000)

let sink: SmtpSink
let mailer: Mailer
const A = { id: '', managerId: '' }
const B = { id: '', managerId: '' }

beforeAll(async () => {
  sink = await startSmtpSink()
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'Customs e-Training <t@example.test>' })
  for (const [target, code] of [
    [A, 'RA'],
    [B, 'RB'],
  ] as const) {
    target.id = (
      await prisma().administration.create({ data: { code, name: { en: code, ru: code } }, select: { id: true } })
    ).id
    target.managerId = (
      await person(`manager@${code.toLowerCase()}.test`, { administrationId: target.id, role: 'MANAGER' })
    ).id
  }
})

afterAll(async () => {
  await sink.close()
})

async function person(
  email: string,
  {
    administrationId = A.id,
    role = 'LEARNER',
    preferredLocale = 'en',
    passwordHash,
  }: {
    administrationId?: string
    role?: 'LEARNER' | 'MANAGER'
    preferredLocale?: string
    passwordHash?: string | null
  } = {},
) {
  return prisma().user.create({
    data: {
      email,
      displayName: `Officer ${email}`,
      role,
      administrationId,
      preferredLocale,
      passwordHash: passwordHash === undefined ? await hashPassword(OLD) : passwordHash,
    },
    select: { id: true },
  })
}

const ask = (email: string, { ip = '10.1.0.1', at = now, withMailer = mailer } = {}) =>
  requestPasswordReset({
    email,
    ip,
    translate: translatorFor('mail'),
    mailer: withMailer,
    baseUrl: 'https://lms.test',
    now: at,
  })

/** Asks for a link and waits for its e-mail; the message received, if any. */
async function askAndRead(email: string, options: Parameters<typeof ask>[1] = {}) {
  const received = sink.inbox.length
  const answer = await ask(email, options)
  if (answer.status === 'accepted') await answer.delivery
  return { answer, messages: sink.inbox.slice(received) }
}

const tokenOf = (text: string) => /\/reset-password\/([a-z2-7]{32})/.exec(text)?.[1] ?? null

async function passwordIs(userId: string, password: string) {
  const { passwordHash } = await prisma().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  })
  return verifyPassword({ hash: passwordHash, password })
}

describe('a reset link by e-mail', () => {
  it('goes to the user in their language; only the hash of its token is stored', async () => {
    const user = await person('olga@reset.test', { preferredLocale: 'ru' })
    const { answer, messages } = await askAndRead('olga@reset.test')
    expect(answer.status).toBe('accepted')
    expect(messages).toHaveLength(1)
    expect(messages[0]!.to).toEqual(['olga@reset.test'])
    const message = parseMessage(messages[0]!.raw)
    expect(message.headers.subject).toBe('Смена пароля на платформе «Таможенное электронное обучение»')
    expect(message.text).toMatch(/действительна до \d+ \S+ 2026 г\., 11:00 UTC/)
    const token = tokenOf(message.text)!
    expect(message.text).toContain(`https://lms.test/ru/reset-password/${token}`)

    const rows = await prisma().passwordReset.findMany({ where: { userId: user.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ tokenHash: hashSecretToken(token), issuedById: null, usedAt: null })
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0]!.expiresAt).toEqual(new Date(now.getTime() + EMAILED_LINK_LIFETIME_MS))
    const log = await prisma().auditLog.findMany({ where: { targetId: user.id } })
    expect(log.map((entry) => entry.action)).toEqual(['auth.password_reset_requested'])
  })

  it('gives the same answer for an unknown or deactivated address, and sends nothing', async () => {
    const gone = await person('gone@reset.test')
    await prisma().user.update({ where: { id: gone.id }, data: { disabledAt: now } })
    const resets = await prisma().passwordReset.count()
    for (const email of ['nobody@reset.test', 'gone@reset.test']) {
      const { answer, messages } = await askAndRead(email)
      expect(answer.status).toBe('accepted')
      expect(messages).toEqual([])
    }
    expect(await prisma().passwordReset.count()).toBe(resets)
  })

  it('sets the password once, ends every session of the user, and a newer link replaces an older one', async () => {
    const user = await person('ivan@reset.test')
    const sessions = await Promise.all([createSession({ userId: user.id }), createSession({ userId: user.id })])
    const first = tokenOf(parseMessage((await askAndRead('ivan@reset.test')).messages[0]!.raw).text)!
    const second = tokenOf(
      parseMessage((await askAndRead('ivan@reset.test', { at: minutes(1) })).messages[0]!.raw).text,
    )!
    expect(await findOpenPasswordReset({ token: first, now: minutes(2) })).toBeNull()
    expect(await completePasswordReset({ token: first, password: NEW, now: minutes(2) })).toBeNull()

    expect(await completePasswordReset({ token: second, password: NEW, now: minutes(2) })).toBe(user.id)
    expect(await passwordIs(user.id, NEW)).toBe(true)
    for (const { token } of sessions) expect(await validateSessionToken({ token })).toBeNull()
    // Used: a second try changes nothing.
    expect(
      await completePasswordReset({ token: second, password: 'yet another password 3', now: minutes(3) }),
    ).toBeNull()
    expect(await passwordIs(user.id, NEW)).toBe(true)
    const log = await prisma().auditLog.findMany({ where: { targetId: user.id }, orderBy: { at: 'asc' } })
    expect(log.map((entry) => [entry.action, entry.actorId])).toContainEqual(['auth.password_reset', user.id])
  })

  it('expires after an hour by the clock it is given', async () => {
    const user = await person('late@reset.test')
    const token = tokenOf(parseMessage((await askAndRead('late@reset.test')).messages[0]!.raw).text)!
    expect(await findOpenPasswordReset({ token, now: minutes(59) })).not.toBeNull()
    expect(await findOpenPasswordReset({ token, now: minutes(60) })).toBeNull()
    expect(await completePasswordReset({ token, password: NEW, now: minutes(61) })).toBeNull()
    expect(await passwordIs(user.id, OLD)).toBe(true)
  })

  it('of two submissions at once, only one uses the link', async () => {
    const user = await person('twice@reset.test')
    const token = tokenOf(parseMessage((await askAndRead('twice@reset.test')).messages[0]!.raw).text)!
    const results = await Promise.all(
      ['first password 11', 'second password 22'].map((password) => completePasswordReset({ token, password, now })),
    )
    expect(results.filter((result) => result === user.id)).toHaveLength(1)
  })

  it('answers before the e-mail is sent: a slow mail server does not tell a known address apart', async () => {
    await person('slow@reset.test')
    const stuck: Mailer = { configured: true, send: () => new Promise(() => {}) }
    for (const email of ['slow@reset.test', 'nobody.slow@reset.test']) {
      expect(await ask(email, { withMailer: stuck, ip: '10.3.0.1' })).toMatchObject({ status: 'accepted' })
    }
  })

  it('without a mail server, answers alike and writes nothing', async () => {
    await person('offline@reset.test')
    const offline = createMailer({ smtpUrl: undefined, from: 'x@example.test' })
    const resets = await prisma().passwordReset.count()
    const answer = await ask('offline@reset.test', { withMailer: offline, ip: '10.9.0.1' })
    expect(answer.status).toBe('accepted')
    if (answer.status === 'accepted') expect(await answer.delivery).toBeNull()
    expect(await prisma().passwordReset.count()).toBe(resets)
  })
})

describe('throttling reset requests', () => {
  it('sends at most three e-mails an hour to one address, with the usual answer', async () => {
    await person('flood@reset.test')
    const sent = []
    for (let i = 0; i < 5; i++) {
      const { answer, messages } = await askAndRead('flood@reset.test', { ip: `10.2.0.${i}`, at: minutes(i) })
      expect(answer.status).toBe('accepted')
      sent.push(messages.length)
    }
    expect(sent).toEqual([1, 1, 1, 0, 0])
    expect((await askAndRead('flood@reset.test', { ip: '10.2.0.9', at: minutes(61) })).messages).toHaveLength(1)
  })

  it('refuses a network after twenty requests an hour, whatever the addresses; an IPv6 /64 is one network', async () => {
    const answers = []
    for (let i = 0; i < 21; i++) answers.push(await ask(`someone${i}@reset.test`, { ip: `2001:db8:5:1::${i}` }))
    expect(answers.slice(0, 20).every((answer) => answer.status === 'accepted')).toBe(true)
    expect(answers[20]).toEqual({ status: 'throttled', retryAfterSeconds: 3600 })
    expect((await ask('someone@reset.test', { ip: '2001:db8:5:2::1' })).status).toBe('accepted')
  })
})

describe('the pages', () => {
  const post = (path: string, form: Record<string, string>) => {
    const body = new FormData()
    for (const [name, value] of Object.entries(form)) body.set(name, value)
    return new Request(`http://localhost${path}`, { method: 'POST', body })
  }

  it('say a used or unknown link no longer works (410), and the form asks the coordinator without a mail server', async () => {
    const args = { request: new Request('http://localhost/en/reset-password/x'), params: { token: 'x' } }
    const answer = await routeAnswer(() => resetLoader({ ...args, context: studioContext(null, 'en') }))
    expect(answer.status).toBe(410)
    const forgot = post('/en/forgot-password', { email: 'olga@reset.test' })
    const refused = await routeAnswer(() =>
      forgotAction({ request: forgot, params: {}, context: studioContext(null, 'en') }),
    )
    expect(refused.status).toBe(404)
  })

  it('sign the user in after a reset, and sign out whoever was signed in in that browser', async () => {
    const user = await person('browser@reset.test')
    const issued = await issueSignInLink({ administrationId: A.id, officerId: user.id, actorId: A.managerId })
    const someoneElse = await createSession({ userId: A.managerId })
    const manager = (await validateSessionToken({ token: someoneElse.token }))!
    const context = { ...studioContext(manager.user, 'en'), auth: { sessionId: manager.sessionId, user: manager.user } }
    const form = { newPassword: NEW, confirmPassword: NEW }
    const request = post(`/en/reset-password/${issued!.token}`, form)
    const thrown = await resetAction({ request, params: { token: issued!.token }, context }).catch(
      (error: unknown) => error,
    )
    const response = thrown instanceof Response ? thrown : null
    expect(response?.headers.get('Location')).toBe('/en/account?changed=password')
    const cookie = /^[^=]+=([^;]+)/.exec(response?.headers.get('Set-Cookie') ?? '')?.[1] ?? ''
    expect((await validateSessionToken({ token: cookie }))?.user.id).toBe(user.id)
    expect(await validateSessionToken({ token: someoneElse.token })).toBeNull()

    const mismatch = post(`/en/reset-password/${issued!.token}`, { newPassword: NEW, confirmPassword: 'other' })
    const refused = await routeAnswer(() =>
      resetAction({ request: mismatch, params: { token: issued!.token }, context }),
    )
    expect(refused.status).toBe(400)
  })
})

/** Posts one of the officer page's forms as the manager of A (or of B). */
async function postOfficer(officerId: string, fields: Record<string, string>, manager = A) {
  const formData = new FormData()
  for (const [name, value] of Object.entries(fields)) formData.set(name, value)
  return routeAnswer(() =>
    runOfficerAction({ formData, administrationId: manager.id, officerId, actorId: manager.managerId }),
  )
}

describe('a sign-in link from the coordinator', () => {
  it('is shown to the officer’s own coordinator, lives a day, sets the password once and ends other sessions', async () => {
    const officer = await person('border.post@reset.test', { preferredLocale: 'ru' })
    const session = await createSession({ userId: officer.id })
    const answer = await postOfficer(officer.id, { intent: 'sign-in-link' })
    expect(answer.status).toBe(200)
    const { signInLink } = JSON.parse(answer.body) as { signInLink: { link: string; name: string } }
    expect(signInLink.link).toMatch(/^http:\/\/localhost:3000\/ru\/reset-password\/[a-z2-7]{32}$/)
    const token = tokenOf(signInLink.link)!
    const [row] = await prisma().passwordReset.findMany({ where: { userId: officer.id } })
    expect(row).toMatchObject({ tokenHash: hashSecretToken(token), issuedById: A.managerId })
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(ISSUED_LINK_LIFETIME_MS)

    expect(await completePasswordReset({ token, password: NEW })).toBe(officer.id)
    expect(await completePasswordReset({ token, password: 'another password 33' })).toBeNull()
    expect(await passwordIs(officer.id, NEW)).toBe(true)
    expect(await validateSessionToken({ token: session.token })).toBeNull()
    const log = await prisma().auditLog.findMany({ where: { targetId: officer.id }, orderBy: { at: 'asc' } })
    expect(log.map((entry) => [entry.action, entry.actorId, entry.administrationId])).toEqual([
      ['officer.sign_in_link', A.managerId, A.id],
      ['auth.password_reset', officer.id, A.id],
    ])
  })

  it('expires after a day by the clock it is given', async () => {
    const officer = await person('day@reset.test')
    const issued = await issueSignInLink({ administrationId: A.id, officerId: officer.id, actorId: A.managerId, now })
    expect(await findOpenPasswordReset({ token: issued!.token, now: minutes(24 * 60 - 1) })).not.toBeNull()
    expect(await completePasswordReset({ token: issued!.token, password: NEW, now: minutes(24 * 60) })).toBeNull()
  })

  it('is not found for another administration’s, an invited or a deactivated officer: nothing written', async () => {
    const other = await person('other@reset.test', { administrationId: B.id })
    const invited = await person('invited@reset.test', { passwordHash: null })
    const gone = await person('deactivated@reset.test')
    await prisma().user.update({ where: { id: gone.id }, data: { disabledAt: now } })
    const counts = () => Promise.all([prisma().passwordReset.count(), prisma().auditLog.count()])
    const before = await counts()
    for (const officerId of [other.id, invited.id, gone.id, A.managerId, 'no-such-id']) {
      expect((await postOfficer(officerId, { intent: 'sign-in-link' })).status).toBe(404)
    }
    expect(await counts()).toEqual(before)
    expect((await postOfficer(other.id, { intent: 'sign-in-link' }, B)).status).toBe(200)
  })
})

describe('the name in Latin script', () => {
  const latinNameOf = async (id: string) =>
    (await prisma().user.findUniqueOrThrow({ where: { id }, select: { latinName: true } })).latinName

  it('is set and cleared by the officer’s coordinator, checked, and audit-logged', async () => {
    const officer = await person('latin@reset.test')
    expect(
      (await postOfficer(officer.id, { intent: 'latin-name', latinName: "  Sean  O'Neill-Smith Jr. " })).status,
    ).toBe(200)
    expect(await latinNameOf(officer.id)).toBe("Sean O'Neill-Smith Jr.")
    for (const wrong of ['Шон Нил', 'Sean 2', '<b>Sean</b>', 'S'.repeat(121)]) {
      const answer = await postOfficer(officer.id, { intent: 'latin-name', latinName: wrong })
      expect(answer.status).toBe(400)
      expect(answer.body).toContain('latinName.invalid')
    }
    expect(await latinNameOf(officer.id)).toBe("Sean O'Neill-Smith Jr.")
    expect((await postOfficer(officer.id, { intent: 'latin-name', latinName: '' })).status).toBe(200)
    expect(await latinNameOf(officer.id)).toBeNull()
    const log = await prisma().auditLog.findMany({ where: { targetId: officer.id } })
    expect(log.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['officer.latin_name', A.managerId],
      ['officer.latin_name', A.managerId],
    ])
  })

  it('cannot be set on another administration’s officer', async () => {
    const other = await person('other.latin@reset.test', { administrationId: B.id })
    expect((await postOfficer(other.id, { intent: 'latin-name', latinName: 'Ivan' })).status).toBe(404)
    expect(await latinNameOf(other.id)).toBeNull()
  })

  it('comes in with the CSV import', async () => {
    const { invited } = await confirmOfficerImport({
      administrationId: A.id,
      actorId: A.managerId,
      translate: translatorFor('mail'),
      mailer: createMailer({ smtpUrl: undefined, from: 'x@example.test' }),
      text: [
        'email,name,latinName',
        'csv.latin@reset.test,Гаяне Саргсян,Gayane Sargsyan',
        'csv.plain@reset.test,Иван,',
      ].join('\n'),
    })
    expect(invited).toHaveLength(2)
    const rows = await prisma().user.findMany({
      where: { email: { startsWith: 'csv.' }, administrationId: A.id },
      orderBy: { email: 'asc' },
      select: { email: true, latinName: true },
    })
    expect(rows).toEqual([
      { email: 'csv.latin@reset.test', latinName: 'Gayane Sargsyan' },
      { email: 'csv.plain@reset.test', latinName: null },
    ])
  })
})
