import { z } from '~/utils/zod'
import { Role } from '~/generated/prisma/enums'
import { LOCALES } from '~/i18n/config'
import { ACCOUNT_STATUSES } from '~/modules/auth/account-status'
import { emailField, newPasswordField } from '~/modules/auth/fields.schema'

/** Roles whose accounts belong to one national administration. */
export const ROLES_WITH_ADMINISTRATION: readonly Role[] = [Role.LEARNER, Role.MANAGER]

// Error messages are i18n keys of the `admin` namespace.
export const CreateUserSchema = z
  .object({
    intent: z.literal('create'),
    email: emailField('users.emailInvalid'),
    displayName: z
      .string({ error: 'users.nameRequired' })
      .trim()
      .min(1, { error: 'users.nameRequired' })
      .max(120, { error: 'users.nameTooLong' }),
    role: z.enum(Role),
    administrationId: z.string().optional(),
    preferredLocale: z.enum(LOCALES),
    password: newPasswordField('users.passwordTooShort', 'users.passwordTooShort'),
  })
  .refine((value) => !ROLES_WITH_ADMINISTRATION.includes(value.role) || value.administrationId, {
    error: 'users.administrationRequired',
    path: ['administrationId'],
  })

export const SetUserStatusSchema = z.object({
  intent: z.enum(['disable', 'enable']),
  userId: z.string().min(1),
})

/** The user list's administration filter for accounts of no administration (the regional office). */
export const NO_ADMINISTRATION = 'none'

/** The user list's filters, from the query string; anything unrecognised is simply no filter. */
export const UserFilterSchema = z.object({
  q: z.string().max(200).catch(''),
  role: z.enum(Role).nullable().catch(null),
  administration: z.string().max(100).catch(''),
  status: z.enum(ACCOUNT_STATUSES).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
