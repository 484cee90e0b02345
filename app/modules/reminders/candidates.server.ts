import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import { MAIL_SEND_ATTEMPTS, MAX_REMINDERS_AT_ONCE as CANDIDATE_LIMIT } from './limits'
import { reminderKey, type ReminderState } from './reminders'

const DAY_MS = 86_400_000

/** Assignments of the administration's active officers, not completed, due before `before`. */
function openAssignments({ administrationId, before }: { administrationId: string; before: Date }) {
  return {
    // "Enrolment"."administrationId" is the officer's, kept by the database for learners only.
    administrationId,
    completedAt: null,
    dueAt: { lt: before },
    user: { administrationId, disabledAt: null },
    course: { status: 'PUBLISHED' },
  } satisfies Prisma.EnrolmentWhereInput
}

const assignmentSelect = {
  id: true,
  dueAt: true,
  user: { select: { id: true, displayName: true, email: true, preferredLocale: true } },
  course: { select: { id: true, slug: true, title: true } },
} satisfies Prisma.EnrolmentSelect

/** Overdue now (0 days), or due by the end of the UTC day `withinDays` days from now, as due dates are set. */
function dueBefore(now: Date, withinDays: number) {
  if (withinDays === 0) return now
  const lastDay = new Date(now.getTime() + withinDays * DAY_MS)
  lastDay.setUTCHours(24, 0, 0, 0)
  return lastDay
}

function stateOf(
  delivery: { claimedAt: Date | null; sentAt: Date | null; lastError: string | null; attempts: number } | undefined,
): ReminderState {
  if (!delivery) return 'none'
  if (delivery.sentAt) return 'sent'
  if (delivery.claimedAt) return 'sending'
  if (!delivery.lastError) return 'queued'
  return delivery.attempts >= MAIL_SEND_ATTEMPTS ? 'failed' : 'retrying'
}

/**
 * The reminders page: overdue assignments (`withinDays` 0) or those due within `withinDays` days, with
 * what became of today's reminder of each (one a day: ADR 033).
 */
export async function listReminderCandidates({
  administrationId,
  withinDays,
  now = new Date(),
}: {
  administrationId: string
  withinDays: number
  now?: Date
}) {
  const prisma = getPrisma()
  const where = openAssignments({ administrationId, before: dueBefore(now, withinDays) })
  const [total, rows] = await Promise.all([
    prisma.enrolment.count({ where }),
    prisma.enrolment.findMany({
      where,
      select: assignmentSelect,
      orderBy: [{ dueAt: 'asc' }, { user: { displayName: 'asc' } }, { id: 'asc' }],
      take: CANDIDATE_LIMIT,
    }),
  ])
  const keyOf = (row: (typeof rows)[number]) =>
    reminderKey({ officerId: row.user.id, courseId: row.course.id, at: now })
  const deliveries = await prisma.mailDelivery.findMany({
    where: { administrationId, key: { in: rows.map(keyOf) } },
    select: { key: true, claimedAt: true, sentAt: true, lastError: true, attempts: true },
  })
  const byKey = new Map(deliveries.map((delivery) => [delivery.key, delivery]))
  return {
    total,
    rows: rows.map((row) => ({ ...row, dueAt: row.dueAt!, reminder: stateOf(byKey.get(keyOf(row))) })),
  }
}

/** The administration's overdue assignments, oldest first (the weekly digest). */
export async function listOverdue({
  administrationId,
  now,
  limit,
}: {
  administrationId: string
  now: Date
  limit: number
}) {
  const prisma = getPrisma()
  const where = openAssignments({ administrationId, before: now })
  const [total, rows] = await Promise.all([
    prisma.enrolment.count({ where }),
    prisma.enrolment.findMany({
      where,
      select: { dueAt: true, user: { select: { displayName: true } }, course: { select: { title: true } } },
      orderBy: [{ dueAt: 'asc' }, { user: { displayName: 'asc' } }],
      take: limit,
    }),
  ])
  return { total, rows: rows.map(({ user, ...row }) => ({ ...row, officer: user, dueAt: row.dueAt! })) }
}
