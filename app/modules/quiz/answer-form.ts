import { z } from '~/utils/zod'
import type { PublicAnswer } from './public-question'
import { readAnswerFields } from './answer-fields'

/*
 * The attempt form, as the browser posts it (with or without JavaScript):
 *   intent=save|submit
 *   seq=<milliseconds since the attempt started, when the page was rendered or the save was sent>
 *   shown=0,1,2            positions on the form, so a cleared answer is saved as cleared
 *   q<position>=<key>      choices (repeated for multiple choice) or the typed value
 *   q<position>.<key>=<x>  matching: right key for left key; ordering: place for item key
 *   confirmed=1            submit even though questions are unanswered (asked without JavaScript)
 * Every other field — a score, a pass flag, a user id — is ignored: the server decides those.
 */

export const ATTEMPT_INTENTS = ['save', 'submit'] as const
export type AttemptIntent = (typeof ATTEMPT_INTENTS)[number]

const MAX_SEQ = 2 ** 31 - 1

const FormHeaderSchema = z.object({
  intent: z.enum(ATTEMPT_INTENTS),
  seq: z.coerce.number().int().min(0).max(MAX_SEQ),
  shown: z
    .string()
    .max(2000)
    .regex(/^(\d{1,4}(,\d{1,4})*)?$/)
    .default(''),
  confirmed: z.literal('1').optional(),
})

export type ParsedAttemptForm =
  | {
      ok: true
      intent: AttemptIntent
      seq: number
      /** The learner confirmed submitting with questions unanswered (the page without JavaScript asks). */
      confirmed: boolean
      answers: { position: number; answer: PublicAnswer }[]
    }
  | { ok: false }

/** Reads the posted attempt form; `ok: false` for a form that is not one (a 400 for the route). */
export function readAttemptForm(form: FormData): ParsedAttemptForm {
  const header = FormHeaderSchema.safeParse({
    intent: form.get('intent'),
    seq: form.get('seq'),
    shown: form.get('shown') ?? undefined,
    confirmed: form.get('confirmed') ?? undefined,
  })
  if (!header.success) return { ok: false }
  const answers = readAnswerFields(form, header.data.shown)
  if (!answers) return { ok: false }
  const { intent, seq, confirmed } = header.data
  return { ok: true, intent, seq, confirmed: confirmed === '1', answers }
}

/** The `seq` a page or a save carries: milliseconds since the attempt started, so it only grows. */
export function seqAt(startedAt: Date, now = Date.now()) {
  return Math.min(MAX_SEQ, Math.max(0, now - startedAt.getTime()))
}
