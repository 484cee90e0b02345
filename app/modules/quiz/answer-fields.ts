import type { PublicAnswer } from './public-question'

// Without zod: the attempt page reads its own form with this in the browser, and a module-level schema
// beside it would bring the whole of zod (~100 KB) to the learner's phone for nothing.

const FIELD = /^q(\d{1,4})(?:\.(\d{1,4}))?$/
const MAX_VALUES = 200

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
