import type { Role } from '~/generated/prisma/enums'

// Routes and components name roles through this module: the generated Prisma client stays behind the domains.
export { Role } from '~/generated/prisma/enums'

/** What every request knows about the signed-in user; never includes the password hash. */
export interface SessionUser {
  id: string
  email: string
  displayName: string
  role: Role
  administrationId: string | null
  preferredLocale: string
}
