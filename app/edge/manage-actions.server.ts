import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from '@remix-run/node'
import { z } from '~/utils/zod'
import { invariantResponse } from '~/utils/http'
import { AssignmentTargetNotFound, assignCourse } from '~/modules/manage/assignments.server'
import type { Mailer } from '~/modules/platform/mailer.server'
import type { InvitationNotice } from '~/modules/manage/invitation-mail'
import { sendInvitationMail } from '~/modules/manage/invitation-mail.server'
import { EmailTaken, UnknownUnit, inviteOfficer, resendInvitation } from '~/modules/manage/invitations.server'
import { AssignSchema, InviteSchema, OfficerStatusSchema } from '~/modules/manage/manage.schema'
import { setOfficerActive } from '~/modules/manage/officers.server'
import type { Locale } from '~/i18n/config'
import { translatorFor } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'

/** What the officers page needs to answer one of its forms. */
export interface ManageActionContext {
  formData: FormData
  administrationId: string
  actorId: string
  /** The request's address and language: after a change the list comes back as it was. */
  url: string
  locale: Locale
  /** The process's mailer unless given (tests give one pointing at their own SMTP server). */
  mailer?: Mailer
}

export interface ManageActionData {
  /** Which form `result` answers: each form shows only its own errors and values. */
  intent: 'invite' | 'assign' | null
  result: SubmissionResult<string[]> | null
  invited: InvitationNotice | null
  resent: InvitationNotice | 'too-soon' | null
}

const ResendSchema = z.object({ intent: z.literal('resend'), officerId: z.string().min(1) })

const reply = (answer: Partial<ManageActionData>, init?: ResponseInit) =>
  data<ManageActionData>({ intent: null, result: null, invited: null, resent: null, ...answer }, init)

/** The officers page's forms, told apart by their `intent`. */
export async function runManageAction(context: ManageActionContext) {
  switch (context.formData.get('intent')) {
    case 'invite':
      return inviteFromForm(context)
    case 'resend':
      return resendFromForm(context)
    case 'assign':
      return assignFromForm(context)
    default:
      return changeStatusFromForm(context)
  }
}

async function inviteFromForm({ formData, administrationId, actorId, mailer }: ManageActionContext) {
  const submission = parseWithZod(formData, { schema: InviteSchema })
  if (submission.status !== 'success') return reply({ intent: 'invite', result: submission.reply() }, { status: 400 })
  const { email, displayName, unitId, preferredLocale } = submission.value
  try {
    const invitation = await inviteOfficer({
      administrationId,
      email,
      displayName,
      unitId: unitId || null,
      preferredLocale,
      actorId,
    })
    // The account exists whatever happens to the e-mail: a failed send shows the link instead.
    const outcome = await sendInvitationMail({ administrationId, invitation, translate: translatorFor('mail'), mailer })
    return reply({ intent: 'invite', result: submission.reply({ resetForm: true }), invited: notice(outcome) })
  } catch (error) {
    const field: Record<string, string[]> | null =
      error instanceof EmailTaken
        ? { email: ['invite.emailTaken'] }
        : error instanceof UnknownUnit
          ? { unitId: ['invite.unitUnknown'] }
          : null
    if (!field) throw error
    return reply({ intent: 'invite', result: submission.reply({ fieldErrors: field }) }, { status: 400 })
  }
}

async function resendFromForm({ formData, administrationId, actorId, mailer }: ManageActionContext) {
  const request = ResendSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(request.success, 'common:errors.unknownForm', { status: 400 })
  const resent = await resendInvitation({ administrationId, officerId: request.data.officerId, actorId })
  invariantResponse(resent, 'common:errors.notFoundText', { status: 404 })
  if (resent.tooSoon) return reply({ resent: 'too-soon' }, { status: 429 })
  const outcome = await sendInvitationMail({
    administrationId,
    invitation: resent.invitation,
    translate: translatorFor('mail'),
    mailer,
  })
  return reply({ resent: notice(outcome) })
}

function notice(outcome: Awaited<ReturnType<typeof sendInvitationMail>>): InvitationNotice {
  const { displayName, email, link, delivery } = outcome
  return { name: displayName, email, link: delivery === 'sent' ? null : link, delivery }
}

async function assignFromForm({ formData, administrationId, actorId, url, locale }: ManageActionContext) {
  const submission = parseWithZod(formData, { schema: AssignSchema })
  if (submission.status !== 'success') return reply({ intent: 'assign', result: submission.reply() }, { status: 400 })
  const { courseSlug, dueAt, unitId, officerIds } = submission.value
  try {
    const count = await assignCourse({
      administrationId,
      courseSlug,
      dueAt,
      unitId: unitId || null,
      officerIds: officerIds ?? [],
      actorId,
    })
    return redirect(backToList(url, locale, { assigned: String(count) }))
  } catch (error) {
    invariantResponse(!(error instanceof AssignmentTargetNotFound), 'manage:assign.notFound', { status: 404 })
    throw error
  }
}

async function changeStatusFromForm({ formData, administrationId, actorId, url, locale }: ManageActionContext) {
  const change = OfficerStatusSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(change.success, 'common:errors.unknownForm', { status: 400 })
  const changed = await setOfficerActive({
    administrationId,
    officerId: change.data.officerId,
    active: change.data.intent === 'reactivate',
    actorId,
  })
  invariantResponse(changed, 'common:errors.notFoundText', { status: 404 })
  return redirect(backToList(url, locale, { changed: '1' }))
}

/** The list as it was (filters, page, administration) with a notice. */
function backToList(url: string, locale: Locale, notice: Record<string, string>) {
  const back = new URL(url).searchParams
  for (const name of ['index', 'changed', 'assigned']) back.delete(name)
  for (const [name, value] of Object.entries(notice)) back.set(name, value)
  return href(locale, '/manage/officers', { query: back })
}
