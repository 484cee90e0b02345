import { z } from '~/utils/zod'
import { LOCALES } from '~/i18n/config'
import { emailField, newPasswordField } from './fields.schema'

// Error messages are i18n keys of the `auth` namespace.
export const LoginSchema = z.object({
  email: emailField('login.emailInvalid'),
  password: z.string({ error: 'login.passwordRequired' }).max(200, { error: 'login.invalid' }),
  redirectTo: z.string().optional(),
})

export const ChangePasswordSchema = z
  .object({
    intent: z.literal('password'),
    currentPassword: z.string({ error: 'account.currentMissing' }),
    newPassword: newPasswordField('account.tooShort', 'account.tooLong'),
    confirmPassword: z.string({ error: 'account.mismatch' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    error: 'account.mismatch',
    path: ['confirmPassword'],
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    error: 'account.sameAsOld',
    path: ['newPassword'],
  })

export const PreferredLocaleSchema = z.object({
  intent: z.literal('language'),
  preferredLocale: z.enum(LOCALES),
})

export const ForgotPasswordSchema = z.object({ email: emailField('login.emailInvalid') })

/** The same rules as changing the password on the account page. */
export const ResetPasswordSchema = z
  .object({
    newPassword: newPasswordField('account.tooShort', 'account.tooLong'),
    confirmPassword: z.string({ error: 'account.mismatch' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    error: 'account.mismatch',
    path: ['confirmPassword'],
  })
