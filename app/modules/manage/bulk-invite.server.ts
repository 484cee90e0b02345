import type { Mailer } from '~/modules/platform/mailer.server'
import type { MailTranslator } from './invitation-mail'
import { sendInvitationMails } from './invitation-mail.server'
import { inviteOfficers, takenEmails } from './invitations.server'
import { parseOfficerCsv } from './officer-import'
import { decodeUpload } from './officer-import-csv'
import { listUnits } from './officers.server'

/**
 * The row-by-row report of an uploaded officer list, checked against the administration's units and
 * the e-mails already registered. Nothing is written. Returns the decoded text too: the confirmation
 * posts it back and is checked again, so what is written never depends on what the browser says.
 */
export async function previewOfficerImport({
  administrationId,
  input,
}: {
  administrationId: string
  input: string | Uint8Array
}) {
  const units = await listUnits({ administrationId })
  // First pass: which e-mails does the file name? Second: the report, with those already taken.
  const draft = parseOfficerCsv(input, { takenEmails: new Set(), units })
  if (!draft.ok) return { report: draft, text: null }
  const taken = await takenEmails(draft.rows.map((row) => row.email))
  return { report: parseOfficerCsv(input, { takenEmails: taken, units }), text: decodeUpload(input) }
}

/**
 * Checks the list again and invites every valid row in one transaction; invalid rows are left out.
 * Once that has committed, each new officer is e-mailed their link (when SMTP is configured); the
 * answer holds every link with what became of its e-mail, so none is lost.
 */
export async function confirmOfficerImport({
  administrationId,
  text,
  actorId,
  translate,
  mailer,
}: {
  administrationId: string
  text: string
  actorId: string
  translate: MailTranslator
  mailer?: Mailer
}) {
  const { report } = await previewOfficerImport({ administrationId, input: text })
  if (!report.ok) return { report, invited: [] }
  const valid = report.rows.filter((row) => row.problems.length === 0)
  const invitations = await inviteOfficers({
    administrationId,
    actorId,
    officers: valid.map(({ email, displayName, latinName, unitId, preferredLocale }) => ({
      email,
      displayName,
      latinName,
      unitId,
      preferredLocale,
    })),
  })
  return { report, invited: await sendInvitationMails({ administrationId, invitations, translate, mailer }) }
}
