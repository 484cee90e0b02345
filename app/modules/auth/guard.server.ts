import { redirect, type AppLoadContext } from '@remix-run/node'
import { DEFAULT_LOCALE, isLocale } from '~/i18n/config'
import { can, type Permission } from './permissions'
import type { SessionUser } from './user'

interface GuardArgs {
  request: Request
  context: AppLoadContext
  params: { lang?: string }
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser({ request, context, params }: GuardArgs): SessionUser {
  if (context.auth) return context.auth.user
  const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE
  const url = new URL(request.url)
  const back = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })
  throw redirect(`/${lang}/login?${back}`)
}

/** The signed-in user if their role grants `permission`; otherwise the 403 page. */
export function requirePermission(args: GuardArgs, permission: Permission): SessionUser {
  const user = requireUser(args)
  if (!can(user.role, permission)) throw new Response('Forbidden', { status: 403 })
  return user
}
