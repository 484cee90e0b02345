import { can } from './permissions'
import type { Role } from './user'

/**
 * Where a sign-in without a `redirectTo` lands (a path after `/:lang`): a training coordinator on their
 * administration's dashboard, the page they work from (ADR 032); everyone else on the home page. Admins
 * land at home too: they first choose an administration among all of them.
 */
export function landingPathFor(role: Role): '/' | '/manage' {
  return can(role, 'manage:own-administration') ? '/manage' : '/'
}
