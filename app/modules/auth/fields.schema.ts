import { z } from '~/utils/zod'

// The account fields other forms reuse (a coordinator's invitation, an admin's new user, a course's new
// editor). Apart from auth.schema.ts so that a page with one of those forms does not build the login and
// password forms' schemas too. Messages are i18n keys of the caller's namespace.

export const emailField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .max(254, { error: message })
    .pipe(z.email({ error: message }))

export const newPasswordField = (tooShort: string, tooLong: string) =>
  z.string({ error: tooShort }).min(12, { error: tooShort }).max(200, { error: tooLong })
