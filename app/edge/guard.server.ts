import { redirect, type AppLoadContext } from '@remix-run/node'
import { href } from '~/i18n/href'
import { can, type Permission } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/user'

interface GuardArgs {
  request: Request
  context: AppLoadContext
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser({ request, context }: GuardArgs): SessionUser {
  if (context.auth) return context.auth.user
  const url = new URL(request.url)
  throw redirect(href(context.locale, '/login', { query: { redirectTo: `${url.pathname}${url.search}` } }))
}

/** The signed-in user if their role grants `permission`; otherwise the 403 page. */
export function requirePermission(args: GuardArgs, permission: Permission): SessionUser {
  const user = requireUser(args)
  if (!can(user.role, permission)) throw new Response('Forbidden', { status: 403 })
  return user
}

/**
 * The signed-in user if their role grants `permission`; for anyone else, the signed-out included, the
 * 404 page, as for a page that does not exist: the studio does not tell outsiders that it is there.
 */
export function requirePermissionOrNotFound({ context }: GuardArgs, permission: Permission): SessionUser {
  const user = context.auth?.user
  if (!user || !can(user.role, permission)) throw new Response('Not found', { status: 404 })
  return user
}
