import { z } from '~/utils/zod'
import { LOCALES } from '~/i18n/config'
import { emailField, newPasswordField } from '~/modules/auth/fields.schema'
import { MATRIX_STATUSES } from './matrix'
import { ACCOUNT_STATUSES } from '~/modules/auth/account-status'
import { isLatinName, normalizeLatinName } from './latin-name'

// Error messages are i18n keys of the `manage` namespace.
export const InviteSchema = z.object({
  intent: z.literal('invite'),
  email: emailField('invite.emailInvalid'),
  displayName: z
    .string({ error: 'invite.nameMissing' })
    .trim()
    .min(2, { error: 'invite.nameMissing' })
    .max(120, { error: 'invite.nameTooLong' }),
  unitId: z.string().optional(),
  preferredLocale: z.enum(LOCALES, { error: 'invite.languageInvalid' }),
})

export const OfficerStatusSchema = z.object({
  intent: z.enum(['deactivate', 'reactivate']),
  officerId: z.string().min(1),
})

/** The officer list's filters, from the query string; anything unrecognised is simply no filter. */
export const OfficerFilterSchema = z.object({
  q: z.string().max(200).catch(''),
  unit: z.string().max(100).catch(''),
  status: z.enum(ACCOUNT_STATUSES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

/** The matrix adds one course's status filter and a sort by one course's progress to the officer filters. */
export const MatrixFilterSchema = OfficerFilterSchema.omit({ status: true }).extend({
  course: z.string().max(100).catch(''),
  status: z.enum(MATRIX_STATUSES).nullable().catch(null),
  sort: z.string().max(100).catch(''),
  dir: z.enum(['asc', 'desc']).catch('asc'),
})

/** The largest officer file (CSV) a coordinator may import; the browser checks it too, so it lives here. */
export const MAX_IMPORT_BYTES = 1_000_000

/**
 * The bulk invitation's upload: a file must be chosen (a file input left empty sends a nameless empty
 * file, which Conform reads as missing), and one too large is refused in the browser before it is sent;
 * what the file holds is reported line by line (officer-import.ts).
 */
export const OfficerFileSchema = z.object({
  file: z.file({ error: 'import.fileMissing' }).max(MAX_IMPORT_BYTES, { error: 'import.fileTooLarge' }),
})

export const AcceptInvitationSchema = z
  .object({
    password: newPasswordField('accept.tooShort', 'accept.tooLong'),
    confirmPassword: z.string({ error: 'accept.mismatch' }),
  })
  .refine((value) => value.password === value.confirmPassword, { error: 'accept.mismatch', path: ['confirmPassword'] })

/** A due date as the date input sends it; due at the end of that day (UTC), and not in the past. */
const dueDate = z
  .string({ error: 'assign.dueInvalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'assign.dueInvalid' })
  .transform((day) => new Date(`${day}T23:59:59.999Z`))
  .refine((due) => !Number.isNaN(due.getTime()) && due.getTime() >= Date.now(), { error: 'assign.dueInvalid' })

export const AssignSchema = z
  .object({
    intent: z.literal('assign'),
    courseSlug: z.string({ error: 'assign.courseMissing' }).min(1, { error: 'assign.courseMissing' }),
    dueAt: dueDate,
    unitId: z.string().optional(),
    officerIds: z.array(z.string().min(1)).max(500).optional(),
  })
  // Reported on the unit: the form's own field for the choice (the ticks are in the table above).
  .refine((value) => Boolean(value.unitId) || (value.officerIds?.length ?? 0) > 0, {
    error: 'assign.nobody',
    path: ['unitId'],
  })

/** The officer page's "name in Latin script": empty clears it. */
export const LatinNameSchema = z.object({
  intent: z.literal('latin-name'),
  latinName: z
    .string()
    .max(1000, { error: 'latinName.invalid' })
    .transform(normalizeLatinName)
    .refine((name) => name === '' || isLatinName(name), { error: 'latinName.invalid' })
    .optional()
    .transform((name) => name || null),
})

export const SignInLinkSchema = z.object({ intent: z.literal('sign-in-link') })
