import type { Role } from '~/generated/prisma/enums'

export type Permission =
  | 'manage:users'
  /** Every certificate, of any administration, and revoking them. */
  | 'manage:certificates'
  /** The certificates of the officers of one's own administration. */
  | 'read:administration-certificates'

// Later features add their permissions here; routes ask for a permission, never for a role.
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  LEARNER: [],
  INSTRUCTOR: [],
  MANAGER: ['read:administration-certificates'],
  ADMIN: ['manage:users', 'manage:certificates'],
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
