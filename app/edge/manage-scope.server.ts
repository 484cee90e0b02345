import type { LoaderFunctionArgs } from '@remix-run/node'
import { can } from '~/modules/auth/permissions'
import { managedAdministration } from '~/modules/manage/scope.server'
import { invariantResponse } from '~/utils/http'
import { requireUser } from './guard.server'

/**
 * The signed-in manager (or admin) and the administration the page works on, from `?administration=`.
 * Learners and instructors get 404; so does a manager naming another administration. An admin
 * without a choice yet gets `administration: null` (the page lists administrations to choose from).
 */
export async function requireManagedAdministration(args: Pick<LoaderFunctionArgs, 'request' | 'context'>) {
  const user = requireUser(args)
  const allowed = can(user.role, 'manage:own-administration') || can(user.role, 'manage:all-administrations')
  invariantResponse(allowed, 'common:errors.notFoundText', { status: 404 })
  const { locale } = args.context
  const requestedCode = new URL(args.request.url).searchParams.get('administration')
  const administration = await managedAdministration({ user, requestedCode, locale })
  const adminChoosing = can(user.role, 'manage:all-administrations') && !requestedCode
  invariantResponse(administration || adminChoosing, 'common:errors.notFoundText', { status: 404 })
  return { user, locale, administration }
}
