import type { Role } from '~/generated/prisma/enums'

export type Permission =
  | 'manage:users'
  /** Every certificate, of any administration, and revoking them. */
  | 'manage:certificates'
  /** The certificates of the officers of one's own administration. */
  | 'read:administration-certificates'
  /** Officers (invite, deactivate), assignments and reports of one's own administration. */
  | 'manage:own-administration'
  /** The same for every administration. */
  | 'manage:all-administrations'
  /** The studio: every course's studio page, creating courses, changing those one is an editor of. */
  | 'author:courses'
  /** Adding and removing any course's editors. */
  | 'manage:course-editors'

// Later features add their permissions here; routes ask for a permission, never for a role.
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  LEARNER: [],
  INSTRUCTOR: ['author:courses'],
  MANAGER: ['read:administration-certificates', 'manage:own-administration'],
  ADMIN: [
    'manage:users',
    'manage:certificates',
    'manage:all-administrations',
    'author:courses',
    'manage:course-editors',
  ],
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
