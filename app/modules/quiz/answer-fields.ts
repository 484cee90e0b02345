import type { PublicAnswer } from './public-question'

// The attempt form's answer fields (`q<position>`, `q<position>.<key>`), read by the server and by the
// attempt page in the browser. Without zod: a module-level schema here would bring the whole of it
// (~100 KB) to the learner's phone for nothing.

const FIELD = /^q(\d{1,4})(?:\.(\d{1,4}))?$/
const MAX_VALUES = 200

/** The question position a form field belongs to (`q3`, `q3.1` → 3), or null for other fields. */
export function fieldPosition(name: string): number | null {
  const match = FIELD.exec(name)
  return match ? Number(match[1]) : null
}

/**
 * The answers of a form by position: the `shown` positions (comma-separated) first, blank unless
 * answered. Null for a form with more values than an attempt can have. The page reads its own form
 * with it too, for the summary of answered questions.
 */
export function readAnswerFields(form: FormData, shown: string) {
  const answers = new Map<number, PublicAnswer>()
  const at = (position: number) => {
    let answer = answers.get(position)
    if (!answer) answers.set(position, (answer = {}))
    return answer
  }
  for (const position of shown.split(',').filter(Boolean)) at(Number(position))
  let values = 0
  for (const [name, value] of form.entries()) {
    const match = FIELD.exec(name)
    if (!match || typeof value !== 'string') continue
    if (++values > MAX_VALUES) return null
    const answer = at(Number(match[1]))
    if (match[2] !== undefined) answer.pairs = { ...answer.pairs, [match[2]]: value }
    else {
      answer.choices = [...(answer.choices ?? []), value]
      answer.value = value
    }
  }
  return [...answers].map(([position, answer]) => ({ position, answer }))
}
