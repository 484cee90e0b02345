// What a reminder and a digest say, and the keys that make each e-mail happen once (ADR 033).
import { supportedLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { composeLinkMail, type MailTranslate } from '~/modules/platform/link-mail'
import { formatDate } from '~/utils/format'

const DAY_MS = 86_400_000

/** The calendar day (UTC) of `at`, `2026-12-07`: one reminder per officer, course and day. */
export function dayOf(at: Date) {
  return at.toISOString().slice(0, 10)
}

/** One officer, one course, one day: the same key for the same reminder, however often it is asked for. */
export function reminderKey({ officerId, courseId, at }: { officerId: string; courseId: string; at: Date }) {
  return `reminder:${officerId}:${courseId}:${dayOf(at)}`
}

/** The ISO week of `at` (UTC), `2026-W50`: one digest per coordinator and week. */
export function isoWeekOf(at: Date) {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday of the week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

export function digestKey({ coordinatorId, at }: { coordinatorId: string; at: Date }) {
  return `digest:${coordinatorId}:${isoWeekOf(at)}`
}

/** The digest goes out from Monday 06:00 UTC: the first hourly tick of the week after that sends it. */
export function isDigestTime(at: Date) {
  return at.getUTCDay() !== 1 || at.getUTCHours() >= 6
}

/** What became of today's reminder of one assignment. */
export type ReminderState = 'none' | 'queued' | 'sending' | 'retrying' | 'failed' | 'sent'

/** Whole days from `now` to the due date: negative when overdue. */
export function daysUntil(dueAt: Date, now: Date) {
  return Math.floor((dueAt.getTime() - now.getTime()) / DAY_MS)
}

function absolute(path: string, baseUrl: string) {
  return new URL(path, baseUrl).href
}

/** The reminder in the officer's language: the course, its due date in their locale, a link to it. */
export function composeReminderMail({
  t,
  locale: language,
  name,
  course,
  courseSlug,
  dueAt,
  now,
  baseUrl,
}: {
  t: MailTranslate
  locale: string
  name: string
  course: string
  courseSlug: string
  dueAt: Date
  now: Date
  baseUrl: string
}) {
  const locale = supportedLocale(language)
  const appName = t('common:appName')
  const date = formatDate(dueAt, locale)
  const state = dueAt.getTime() < now.getTime() ? 'overdue' : 'due'
  return composeLinkMail({
    locale,
    subject: t(`reminder.subject.${state}`, { course, date }),
    before: [t('reminder.greeting', { name }), t(`reminder.body.${state}`, { course, date, appName })],
    action: t('reminder.action'),
    button: t('reminder.button'),
    link: absolute(href(locale, '/courses/:course', { course: courseSlug }), baseUrl),
    after: [t('reminder.done'), t('reminder.questions')],
    footer: [t('invitation.signature', { appName }), t('invitation.automatic')],
  })
}

/** How many overdue assignments a digest lists by name; the rest are counted. */
export const DIGEST_LIST_LIMIT = 50

/** The weekly digest to a coordinator: the administration's overdue assignments, oldest first. */
export function composeDigestMail({
  t,
  locale: language,
  name,
  administration,
  administrationCode,
  overdue,
  total,
  now,
  baseUrl,
}: {
  t: MailTranslate
  locale: string
  name: string
  administration: string
  administrationCode: string
  overdue: { officer: string; course: string; dueAt: Date }[]
  total: number
  now: Date
  baseUrl: string
}) {
  const locale = supportedLocale(language)
  const appName = t('common:appName')
  const lines = overdue.map((row) =>
    t('digest.line', { officer: row.officer, course: row.course, date: formatDate(row.dueAt, locale) }),
  )
  const more = total > overdue.length ? [t('digest.more', { count: total - overdue.length })] : []
  return composeLinkMail({
    locale,
    subject: t('digest.subject', { administration }),
    before: [
      t('reminder.greeting', { name }),
      t('digest.intro', { date: formatDate(now, locale), administration, count: total }),
      ...lines,
      ...more,
    ],
    action: t('digest.action'),
    button: t('digest.button'),
    link: absolute(href(locale, '/manage/reminders', { query: { administration: administrationCode } }), baseUrl),
    after: [t('digest.why')],
    footer: [t('invitation.signature', { appName }), t('invitation.automatic')],
  })
}
