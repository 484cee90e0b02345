// The reminders page's data and forms (ADR 033): the administration's overdue (or soon due) assignments,
// the reminders sent by e-mail or, without a mail server, composed for the coordinator to copy, and the
// weekly digest switch. Everything is looked up in the coordinator's administration.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { getServerT, translatorFor } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { getMailer } from '~/modules/platform/mailer.server'
import { listReminderCandidates } from '~/modules/reminders/candidates.server'
import { getWeeklyDigest, setWeeklyDigest } from '~/modules/reminders/digest.server'
import { daysUntil } from '~/modules/reminders/reminders'
import { ReminderFilterSchema, SendRemindersSchema, WeeklyDigestSchema } from '~/modules/reminders/reminders.schema'
import { prepareReminderMessages, requestReminders } from '~/modules/reminders/requests.server'
import { getEnv } from '~/utils/env.server'
import { invariantResponse } from '~/utils/http'
import { requireManagedAdministration } from './manage-scope.server'
import { readForm } from './request-form.server'

export async function loadRemindersPage(args: LoaderFunctionArgs) {
  const { locale, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  const { within } = ReminderFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const now = new Date()
  const [{ total, rows }, weeklyDigest] = await Promise.all([
    listReminderCandidates({ administrationId: administration.id, withinDays: within, now }),
    getWeeklyDigest({ administrationId: administration.id }),
  ])
  return {
    title: getServerT(locale, 'manage')('reminders.title'),
    administration,
    within,
    total,
    weeklyDigest,
    byEmail: getMailer().configured,
    rows: rows.map((row) => ({
      id: row.id,
      officer: row.user.displayName,
      email: row.user.email,
      language: row.user.preferredLocale,
      course: localizedName(row.course.title, locale),
      dueAt: row.dueAt,
      days: daysUntil(row.dueAt, now),
      reminder: row.reminder,
    })),
  }
}

export type RemindersActionData =
  | { intent: 'send'; result: SubmissionResult<string[]> | null; queued: Note[]; skipped: Note[]; messages: Message[] }
  | { intent: 'digest'; result: null; enabled: boolean }

interface Note {
  officer: string
  course: string
}

interface Message {
  officer: string
  email: string
  subject: string
  text: string
}

const reply = (answer: RemindersActionData, init?: ResponseInit) => data<RemindersActionData>(answer, init)

export async function runRemindersAction(args: ActionFunctionArgs) {
  const { user, locale, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  const formData = await readForm(args.request)
  const intent = formData.get('intent')
  if (intent === 'digest') {
    const submission = parseWithZod(formData, { schema: WeeklyDigestSchema })
    invariantResponse(submission.status === 'success', 'common:errors.unknownForm')
    const enabled = submission.value.weeklyDigest === 'on'
    await setWeeklyDigest({ administrationId: administration.id, enabled, actorId: user.id })
    return reply({ intent: 'digest', result: null, enabled })
  }
  invariantResponse(intent === 'send', 'common:errors.unknownForm')
  const submission = parseWithZod(formData, { schema: SendRemindersSchema })
  if (submission.status !== 'success')
    return reply({ intent, result: submission.reply(), queued: [], skipped: [], messages: [] }, { status: 400 })
  const request = {
    administrationId: administration.id,
    enrolmentIds: submission.value.enrolment,
    requestedById: user.id,
  }
  if (!getMailer().configured) {
    const messages = await prepareReminderMessages({
      ...request,
      translate: translatorFor('mail'),
      baseUrl: getEnv().BASE_URL,
    })
    return reply({ intent, result: submission.reply(), queued: [], skipped: [], messages })
  }
  const { queued, skipped } = await requestReminders(request)
  const inWords = (note: { officer: string; course: unknown }) => ({
    officer: note.officer,
    course: localizedName(note.course, locale),
  })
  return reply({
    intent,
    result: submission.reply(),
    queued: queued.map(inWords),
    skipped: skipped.map(inWords),
    messages: [],
  })
}
