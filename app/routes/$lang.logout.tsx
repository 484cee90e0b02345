import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { clearedSessionCookie } from '~/modules/auth/session-cookie'
import { invalidateSession } from '~/modules/auth/session.server'
import { href } from '~/i18n/href'

// Logging out changes state, so only POST does it; a stray GET just goes home.
export async function loader({ context }: LoaderFunctionArgs) {
  return redirect(href(context.locale, '/'))
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession({ sessionId: context.auth.sessionId })
  return redirect(href(context.locale, '/'), {
    headers: { 'Set-Cookie': clearedSessionCookie({ secure: context.secureCookies }) },
  })
}
