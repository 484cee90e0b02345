import type { LoaderFunctionArgs } from '@remix-run/node'
import { i18nServer } from '~/i18n/i18n.server'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/guard.server'
import { invariantResponse } from '~/utils/http'
import { managedAdministration } from './scope.server'

/**
 * The signed-in manager (or admin) and the administration the page works on, from `?administration=`.
 * Learners and instructors get 404; so does a manager naming another administration. An admin
 * without a choice yet gets `administration: null` (the page lists administrations to choose from).
 */
export async function requireManagedAdministration(args: Pick<LoaderFunctionArgs, 'request' | 'context' | 'params'>) {
  const user = requireUser(args)
  const allowed = can(user.role, 'manage:own-administration') || can(user.role, 'manage:all-administrations')
  invariantResponse(allowed, 'common:errors.notFoundText', { status: 404 })
  const locale = await i18nServer.getLocale(args.request)
  const requestedCode = new URL(args.request.url).searchParams.get('administration')
  const administration = await managedAdministration({ user, requestedCode, locale })
  const adminChoosing = can(user.role, 'manage:all-administrations') && !requestedCode
  invariantResponse(administration || adminChoosing, 'common:errors.notFoundText', { status: 404 })
  return { user, locale, administration }
}
