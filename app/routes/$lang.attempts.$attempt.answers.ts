import type { ActionFunctionArgs } from '@remix-run/node'
import { applyAttemptPost } from '~/edge/attempt-post.server'
import { getServerT } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'

/*
 * Where the attempt page's script posts the form (the same fields as the page's own action): it
 * answers in JSON, so a failed save is the page's to retry instead of an error page that replaces
 * the learner's answers. Without JavaScript the page posts to itself.
 */

export async function action(args: ActionFunctionArgs) {
  const { context, params } = args
  const t = getServerT(context.locale, 'learning')
  if (!context.auth) return Response.json({ message: t('attempt.signedOut') }, { status: 401 })
  const outcome = await applyAttemptPost(args, context.auth.user)
  const review = href(context.locale, '/attempts/:attempt/review', { attempt: params.attempt ?? '' })
  if (!outcome.ok) {
    // A closed attempt has a result to go on to; the page offers it beside the message.
    const next = outcome.status === 409 ? review : undefined
    return Response.json({ message: t(outcome.message), next }, { status: outcome.status })
  }
  if (outcome.intent === 'save') return Response.json({ savedAt: new Date().toISOString() })
  return Response.json({ next: review })
}
