import type { LoaderFunctionArgs } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { invariantResponse } from '~/utils/http'
import { requireManagedAdministration } from './manage-scope.server'
import { getOfficerTranscript } from '~/modules/manage/transcript.server'

/**
 * The transcript of `params.officer` for the page and its exports. An officer of another
 * administration, or an id that is nobody's, is a 404 — the same answer, so ids cannot be probed.
 */
export async function loadTranscript(args: Pick<LoaderFunctionArgs, 'request' | 'context' | 'params'>) {
  const { user, locale, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  const transcript = await getOfficerTranscript({
    administrationId: administration.id,
    officerId: args.params.officer ?? '',
    locale,
  })
  invariantResponse(transcript, 'common:errors.notFoundText', { status: 404 })
  const t = getServerT(locale, 'manage')
  return { user, t, locale, administration, transcript }
}
