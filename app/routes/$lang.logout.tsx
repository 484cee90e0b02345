import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { clearedSessionCookie } from '~/modules/auth/session-cookie'
import { invalidateSession } from '~/modules/auth/session.server'

// Logging out changes state, so only POST does it; a stray GET just goes home.
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${params.lang}`)
}

export async function action({ context, params }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession({ sessionId: context.auth.sessionId })
  return redirect(`/${params.lang}`, {
    headers: { 'Set-Cookie': clearedSessionCookie({ secure: context.secureCookies }) },
  })
}
