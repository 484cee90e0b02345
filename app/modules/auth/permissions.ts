import type { Role } from '~/generated/prisma/enums'

export type Permission = 'manage:users'

// Later features add their permissions here; routes ask for a permission, never for a role.
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  LEARNER: [],
  INSTRUCTOR: [],
  MANAGER: [],
  ADMIN: ['manage:users'],
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
