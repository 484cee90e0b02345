import { z } from 'zod'
import type { PublicAnswer } from './public-question'

/*
 * The attempt form, as the browser posts it (with or without JavaScript):
 *   intent=save|submit
 *   seq=<milliseconds since the attempt started, when the page was rendered or the save was sent>
 *   shown=0,1,2            positions on the form, so a cleared answer is saved as cleared
 *   q<position>=<key>      choices (repeated for multiple choice) or the typed value
 *   q<position>.<key>=<x>  matching: right key for left key; ordering: place for item key
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
})

const FIELD = /^q(\d{1,4})(?:\.(\d{1,4}))?$/
const MAX_VALUES = 200

export type ParsedAttemptForm =
  | { ok: true; intent: AttemptIntent; seq: number; answers: { position: number; answer: PublicAnswer }[] }
  | { ok: false }

/** Reads the posted attempt form; `ok: false` for a form that is not one (a 400 for the route). */
export function readAttemptForm(form: FormData): ParsedAttemptForm {
  const header = FormHeaderSchema.safeParse({
    intent: form.get('intent'),
    seq: form.get('seq'),
    shown: form.get('shown') ?? undefined,
  })
  if (!header.success) return { ok: false }
  const answers = new Map<number, PublicAnswer>()
  const at = (position: number) => {
    let answer = answers.get(position)
    if (!answer) answers.set(position, (answer = {}))
    return answer
  }
  for (const position of header.data.shown.split(',').filter(Boolean)) at(Number(position))
  let values = 0
  for (const [name, value] of form.entries()) {
    const match = FIELD.exec(name)
    if (!match || typeof value !== 'string') continue
    if (++values > MAX_VALUES) return { ok: false }
    const answer = at(Number(match[1]))
    if (match[2] !== undefined) answer.pairs = { ...answer.pairs, [match[2]]: value }
    else {
      answer.choices = [...(answer.choices ?? []), value]
      answer.value = value
    }
  }
  const { intent, seq } = header.data
  return { ok: true, intent, seq, answers: [...answers].map(([position, answer]) => ({ position, answer })) }
}

/** The `seq` a page or a save carries: milliseconds since the attempt started, so it only grows. */
export function seqAt(startedAt: Date, now = Date.now()) {
  return Math.min(MAX_SEQ, Math.max(0, now - startedAt.getTime()))
}
