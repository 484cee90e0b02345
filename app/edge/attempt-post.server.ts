import type { ActionFunctionArgs } from '@remix-run/node'
import { readAttemptForm } from '~/modules/quiz/answer-form'
import { findUnansweredPositions } from '~/modules/quiz/quiz-page.server'
import {
  AttemptClosed,
  AttemptNotFound,
  InvalidAnswers,
  saveAnswers,
  submitAttempt,
} from '~/modules/quiz/attempt.server'
import type { SessionUser } from '~/modules/auth/user'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'
import { readForm } from './request-form.server'

/** What became of one post of the attempt form: saved, submitted, or refused with a message key. */
export type AttemptPostOutcome =
  | { ok: true; intent: 'save' | 'submit' }
  /** Saved, not submitted: questions are unanswered and the learner has not confirmed yet. */
  | { ok: true; intent: 'confirm' }
  | { ok: false; status: 400 | 404 | 409 | 413 | 503; message: string }

const REFUSALS = [
  [AttemptNotFound, 404, 'learning:attempt.notFound'],
  [AttemptClosed, 409, 'learning:attempt.closed'],
  [InvalidAnswers, 400, 'learning:attempt.invalidAnswers'],
] as const

/**
 * Saves the posted answers and, for `intent=submit`, grades the attempt. Shared by the page's own
 * action (a browser without JavaScript) and the answers endpoint the page's script posts to.
 * `confirmUnanswered`: a submit that leaves questions unanswered grades nothing until it is posted
 * again with `confirmed=1` (the page's script asks in a dialog before it posts, and the clock's
 * submit at the deadline must not wait).
 */
export async function applyAttemptPost(
  { request, params }: Pick<ActionFunctionArgs, 'request' | 'params'>,
  user: SessionUser,
  { confirmUnanswered = false }: { confirmUnanswered?: boolean } = {},
): Promise<AttemptPostOutcome> {
  const { attempt: attemptId = '' } = params
  // readForm refuses an unreadable body (400) or one over the limit (413) with a Response: keep its status.
  const body = await readForm(request).catch((error: unknown) => (error instanceof Response ? error : null))
  if (body instanceof Response)
    return { ok: false, status: body.status === 413 ? 413 : 400, message: await body.text() }
  const form = body ? readAttemptForm(body) : { ok: false as const }
  if (!form.ok) return { ok: false, status: 400, message: 'common:errors.unknownForm' }
  try {
    if (form.answers.length > 0) await saveAnswers({ attemptId, userId: user.id, answers: form.answers, seq: form.seq })
    if (form.intent !== 'submit') return { ok: true, intent: form.intent }
    if (confirmUnanswered && !form.confirmed) {
      const unanswered = await findUnansweredPositions({ attemptId, userId: user.id })
      if (unanswered !== null && unanswered.length > 0) return { ok: true, intent: 'confirm' }
    }
    await submitAttempt({ attemptId, userId: user.id })
    return { ok: true, intent: 'submit' }
  } catch (error) {
    // The database restarting: the page keeps the answers and sends them again (ADR 017).
    if (isDatabaseUnavailable(error)) return { ok: false, status: 503, message: 'common:errors.unavailableText' }
    const refusal = REFUSALS.find(([type]) => error instanceof type)
    if (!refusal) throw error
    return { ok: false, status: refusal[1], message: refusal[2] }
  }
}
