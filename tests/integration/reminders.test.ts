// Reminders by background job (ADR 033), on the real database (PGlite, or PostgreSQL with pg-boss when
// TEST_DATABASE_URL is set) and a real SMTP server: a job that fails after claiming its row is retried
// and the officer gets one e-mail, in their language; what is claimed or sent is never sent again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translatorFor } from '~/i18n/i18n.server'
import { createInProcessQueue, type JobQueue } from '~/modules/platform/job-queue'
import { createMailer, type Mailer } from '~/modules/platform/mailer.server'
import { startPgBossQueue } from '~/modules/platform/pg-boss-queue.server'
import { deliverMail, MAIL_DELIVERY_JOB, type MailDeliveryJob } from '~/modules/reminders/delivery.server'
import { queueWeeklyDigests, setWeeklyDigest } from '~/modules/reminders/digest.server'
import { listReminderCandidates } from '~/modules/reminders/candidates.server'
import { MAIL_SEND_ATTEMPTS } from '~/modules/reminders/limits'
import { reminderKey } from '~/modules/reminders/reminders'
import { requestReminders } from '~/modules/reminders/requests.server'
import { getPrisma } from '~/utils/db.server'
import { createManualClock } from '../support/manual-clock'
import { parseMessage, startSmtpSink, type SmtpSink } from '../support/smtp-sink'

const prisma = () => getPrisma()
const DAY_MS = 86_400_000
const translate = translatorFor('mail')
const A = { id: '', managerId: '', ru: '', en: '', enrolmentRu: '', enrolmentEn: '' }
const B = { id: '', managerId: '', officer: '', enrolment: '' }

let sink: SmtpSink
let mailer: Mailer
let courseId = ''

beforeAll(async () => {
  // The mail server refuses the first message to the "bounce" officer, as a busy server refuses one.
  let bounced = false
  sink = await startSmtpSink({ bounce: (address) => address.startsWith('bounce') && !bounced && (bounced = true) })
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: 'Customs e-Training <t@example.test>' })
  courseId = (
    await prisma().course.create({
      data: {
        slug: 'single-window',
        category: 'trade-facilitation',
        version: 1,
        title: { en: 'Single Window', ru: 'Единое окно' },
        summary: { en: 'S', ru: 'С' },
        objectives: { en: [], ru: [] },
        finalExamRule: 'none',
        packageHash: 'x',
      },
      select: { id: true },
    })
  ).id
  for (const [target, code] of [
    [A, 'RMA'],
    [B, 'RMB'],
  ] as const) {
    target.id = (
      await prisma().administration.create({ data: { code, name: { en: code, ru: code } }, select: { id: true } })
    ).id
    target.managerId = (await person(`manager@${code.toLowerCase()}.test`, target.id, 'en', 'MANAGER')).id
  }
  A.ru = (await person('anna@rma.test', A.id, 'ru')).id
  A.en = (await person('bounce.aram@rma.test', A.id, 'en')).id
  B.officer = (await person('other@rmb.test', B.id, 'en')).id
  A.enrolmentRu = await overdue(A.ru, 5)
  A.enrolmentEn = await overdue(A.en, 2)
  B.enrolment = await overdue(B.officer, 3)
})

afterAll(async () => {
  await sink.close()
})

async function person(
  email: string,
  administrationId: string,
  preferredLocale: string,
  role: 'LEARNER' | 'MANAGER' = 'LEARNER',
) {
  return prisma().user.create({
    data: { email, displayName: `Officer ${email}`, role, administrationId, preferredLocale, passwordHash: 'x' },
    select: { id: true },
  })
}

async function overdue(userId: string, days: number) {
  const dueAt = new Date(Date.now() - days * DAY_MS)
  return (await prisma().enrolment.create({ data: { userId, courseId, dueAt }, select: { id: true } })).id
}

/** The queue the app would run here: pg-boss on PostgreSQL, the in-process one (own clock) on PGlite. */
async function startQueue() {
  const clock = createManualClock(Date.now())
  const queue: JobQueue & { settled?: () => Promise<void> } = process.env.DATABASE_URL
    ? await startPgBossQueue({ connectionString: process.env.DATABASE_URL })
    : createInProcessQueue({ clock })
  const outcomes: string[] = []
  await queue.work<MailDeliveryJob>(
    MAIL_DELIVERY_JOB,
    { retryLimit: 3, retryDelaySeconds: 1, backoff: true },
    async (job) => {
      outcomes.push(
        await deliverMail({
          deliveryId: job.data.deliveryId,
          mailer,
          translate,
          baseUrl: 'https://lms.test',
          // The first attempt of every delivery fails once it has claimed its row.
          failAfterClaim: (attempt) => attempt === 1,
        }),
      )
    },
  )
  /** Lets retries come due: the manual clock on PGlite, real seconds with pg-boss. */
  const runFor = async (ms: number) => {
    if (!queue.settled) return new Promise((resolve) => setTimeout(resolve, ms))
    for (let step = 0; step < ms; step += 500) {
      clock.advance(500)
      await queue.settled()
    }
  }
  return { queue, outcomes, runFor }
}

const mailsTo = (address: string) => sink.inbox.filter((mail) => mail.to.includes(address))

describe('reminders sent by a job', () => {
  it('a job that fails after claiming is retried and sends once, in the officer’s language', async () => {
    const { queue, outcomes, runFor } = await startQueue()
    try {
      const asked = await requestReminders({
        administrationId: A.id,
        enrolmentIds: [A.enrolmentRu, A.enrolmentEn, B.enrolment],
        requestedById: A.managerId,
        queue,
      })
      // Another administration's officer is not found, so not reminded.
      expect(asked.queued.map((note) => note.officer).sort()).toEqual([
        'Officer anna@rma.test',
        'Officer bounce.aram@rma.test',
      ])
      // A duplicate job for the same row (a restart's sweep would send one) changes nothing.
      const row = await prisma().mailDelivery.findFirstOrThrow({ where: { recipientId: A.ru }, select: { id: true } })
      await queue.send<MailDeliveryJob>(MAIL_DELIVERY_JOB, { deliveryId: row.id })
      for (
        let waited = 0;
        waited < 30_000 && (mailsTo('anna@rma.test').length === 0 || mailsTo('bounce.aram@rma.test').length === 0);
        waited += 500
      )
        await runFor(500)
      await runFor(3_000) // time for any second message to arrive, if there were one
      expect(mailsTo('anna@rma.test')).toHaveLength(1)
      expect(mailsTo('bounce.aram@rma.test')).toHaveLength(1)
      const ru = parseMessage(mailsTo('anna@rma.test')[0]!.raw)
      expect(ru.headers.subject).toContain('Истёк срок прохождения курса «Единое окно»')
      expect(ru.text).toContain('https://lms.test/ru/courses/single-window')
      const en = parseMessage(mailsTo('bounce.aram@rma.test')[0]!.raw)
      expect(en.headers.subject).toContain('Overdue training: “Single Window”')
      const rows = await prisma().mailDelivery.findMany({
        where: { administrationId: A.id },
        select: { recipientId: true, sentAt: true, attempts: true },
      })
      expect(rows.every((delivery) => delivery.sentAt !== null)).toBe(true)
      // Anna: the injected fault, then the send. Aram: the fault, the refused message, then the send.
      expect(Object.fromEntries(rows.map((r) => [r.recipientId, r.attempts]))).toEqual({ [A.ru]: 2, [A.en]: 3 })
      expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(2)
      const audit = await prisma().auditLog.count({ where: { action: 'officer.reminder', administrationId: A.id } })
      expect(audit).toBe(2)
    } finally {
      await queue.stop()
    }
  })

  it('sends one reminder per officer, course and day: a second request the same day is skipped', async () => {
    const { queue } = await startQueue()
    try {
      const again = await requestReminders({
        administrationId: A.id,
        enrolmentIds: [A.enrolmentRu],
        requestedById: A.managerId,
        queue,
      })
      expect(again).toMatchObject({ queued: [], skipped: [{ officer: 'Officer anna@rma.test' }] })
      const listed = await listReminderCandidates({ administrationId: A.id, withinDays: 0 })
      expect(listed.rows.map((row) => row.reminder)).toEqual(['sent', 'sent'])
    } finally {
      await queue.stop()
    }
  })

  it('never sends a row that an earlier attempt claimed and did not finish (at most once)', async () => {
    const before = sink.inbox.length
    const { id } = await prisma().mailDelivery.create({
      data: {
        key: 'reminder:crashed',
        kind: 'reminder',
        administrationId: A.id,
        recipientId: A.ru,
        courseId,
        claimedAt: new Date(Date.now() - 60_000),
      },
      select: { id: true },
    })
    await expect(deliverMail({ deliveryId: id, mailer, translate, baseUrl: 'https://lms.test' })).resolves.toBe(
      'skipped',
    )
    expect(sink.inbox.length).toBe(before)
  })

  it('shows a reminder the queue gave up on as failed, and asking again sends it, once', async () => {
    const key = reminderKey({ officerId: B.officer, courseId, at: new Date() })
    await prisma().mailDelivery.create({
      data: {
        key,
        kind: 'reminder',
        administrationId: B.id,
        recipientId: B.officer,
        courseId,
        attempts: MAIL_SEND_ATTEMPTS,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
      },
    })
    const state = async () =>
      (await listReminderCandidates({ administrationId: B.id, withinDays: 0 })).rows.map((row) => row.reminder)
    expect(await state()).toEqual(['failed'])
    const { queue, runFor } = await startQueue()
    try {
      const asked = await requestReminders({
        administrationId: B.id,
        enrolmentIds: [B.enrolment],
        requestedById: B.managerId,
        queue,
      })
      expect(asked).toMatchObject({ queued: [{ officer: 'Officer other@rmb.test' }], skipped: [] })
      for (let waited = 0; waited < 30_000 && mailsTo('other@rmb.test').length === 0; waited += 500) await runFor(500)
      await runFor(3_000)
      expect(mailsTo('other@rmb.test')).toHaveLength(1)
      expect(await state()).toEqual(['sent'])
      // Sent today: a further request is the once-a-day skip again.
      const again = await requestReminders({
        administrationId: B.id,
        enrolmentIds: [B.enrolment],
        requestedById: B.managerId,
        queue,
      })
      expect(again.queued).toEqual([])
    } finally {
      await queue.stop()
    }
  })
})

describe('the weekly digest', () => {
  it('goes to the coordinators of administrations that switched it on, once a week', async () => {
    const queue = createInProcessQueue({ clock: createManualClock() })
    const sent: string[] = []
    await queue.work<MailDeliveryJob>(
      MAIL_DELIVERY_JOB,
      { retryLimit: 0, retryDelaySeconds: 1, backoff: false },
      async (job) => {
        sent.push(job.data.deliveryId)
      },
    )
    const monday = new Date('2026-12-14T07:00:00Z')
    expect(await queueWeeklyDigests({ now: monday, queue })).toBe(0)
    await setWeeklyDigest({ administrationId: A.id, enabled: true, actorId: A.managerId })
    expect(await queueWeeklyDigests({ now: new Date('2026-12-14T05:00:00Z'), queue })).toBe(0)
    expect(await queueWeeklyDigests({ now: monday, queue })).toBe(1)
    expect(await queueWeeklyDigests({ now: new Date('2026-12-16T07:00:00Z'), queue })).toBe(0)
    const digest = await prisma().mailDelivery.findFirstOrThrow({
      where: { kind: 'digest' },
      select: { recipientId: true, id: true },
    })
    expect(digest.recipientId).toBe(A.managerId)
    const before = sink.inbox.length
    await expect(
      deliverMail({ deliveryId: digest.id, mailer, translate, baseUrl: 'https://lms.test', now: () => monday }),
    ).resolves.toBe('sent')
    const mail = parseMessage(sink.inbox[before]!.raw)
    expect(mail.headers.subject).toBe('Weekly digest of overdue training: RMA')
    expect(mail.text).toContain('Officer anna@rma.test — “Single Window”')
    expect(mail.text).toContain('https://lms.test/en/manage/reminders?administration=RMA')
    await queue.stop()
  })
})
