import type { Role } from '~/modules/auth/user'
import { can, type Permission } from '~/modules/auth/permissions'

export interface NavItem {
  /** Path after `/:lang` (`/` is the home page), for `href`. */
  path: `/${string}`
  labelKey: string
}

const ITEMS: (NavItem & { needs: 'anyone' | 'user' | Permission })[] = [
  { path: '/', labelKey: 'nav.home', needs: 'anyone' },
  { path: '/courses', labelKey: 'nav.courses', needs: 'anyone' },
  { path: '/me', labelKey: 'nav.myLearning', needs: 'user' },
  { path: '/manage', labelKey: 'nav.manage', needs: 'manage:own-administration' },
  { path: '/manage', labelKey: 'nav.manage', needs: 'manage:all-administrations' },
  { path: '/studio', labelKey: 'nav.studio', needs: 'author:courses' },
  { path: '/admin/users', labelKey: 'nav.users', needs: 'manage:users' },
  { path: '/admin/certificates', labelKey: 'nav.certificates', needs: 'manage:certificates' },
  { path: '/account', labelKey: 'nav.account', needs: 'user' },
]

/** The main navigation for a role (null = not signed in); driven by the same permissions as the routes. */
export function navigationFor(role: Role | null): NavItem[] {
  return ITEMS.filter(({ needs }) => {
    if (needs === 'anyone') return true
    if (!role) return false
    return needs === 'user' || can(role, needs)
  }).map(({ path, labelKey }) => ({ path, labelKey }))
}
