import type { Question } from '~/modules/content/package.schema'
import type { FrozenQuestion } from './draw'
import { gradeAttempt, scoreAnswer } from './scoring'

/*
 * Regrading (ADR 028): an author fixed the key or the points of a published question, and finished
 * attempts still hold the old frozen copy (ADR 008). The fix is carried into the frozen copy — the key
 * and the points only; the learner saw the old texts, so those stay — and the attempt is graded again
 * with the same scoring as a submit.
 */

/** What an attempt's answers are checked against, and nothing else: never the texts. */
function keyOf(question: Question) {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return [...question.options].sort(byId).map(({ id, correct }) => [id, correct])
    case 'true-false':
      return question.answer
    case 'numeric':
      return [question.answer, question.tolerance]
    case 'matching':
      // A pair is its own key (left and right share an id); which texts it joins is text.
      return question.pairs.map((pair) => pair.id).sort()
    case 'ordering':
      return question.items.map((item) => item.id)
    case 'container-check-digit':
      return question.task
  }
}

/**
 * The parts a key refers to: option, pair or item ids (as a set), and the generated task. A fix that
 * keeps them can be carried into an old copy; one that adds, removes or renames parts made another
 * question, which the learner never saw, and cannot be regraded.
 */
function partsOf(question: Question) {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.id).sort()
    case 'matching':
      return question.pairs.map((pair) => pair.id).sort()
    case 'ordering':
      return question.items.map((item) => item.id).sort()
    case 'container-check-digit':
      // The numbers an attempt generated fit their task only.
      return question.task
    case 'true-false':
    case 'numeric':
      return null
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** A canonical text of what scores a question: equal for two versions that differ only in their texts. */
export function scoringKey(question: Question, points: number): string {
  return JSON.stringify([question.type, points, keyOf(question)])
}

/** The old frozen copy with the current version's key, and its texts as the learner saw them. */
function withKey(frozen: Question, current: Question): Question {
  switch (frozen.type) {
    case 'single':
    case 'multiple': {
      if (current.type !== frozen.type) return frozen
      const correct = new Map(current.options.map((option) => [option.id, option.correct]))
      return { ...frozen, options: frozen.options.map((option) => ({ ...option, correct: correct.get(option.id)! })) }
    }
    case 'true-false':
      return current.type === 'true-false' ? { ...frozen, answer: current.answer } : frozen
    case 'numeric':
      return current.type === 'numeric' ? { ...frozen, answer: current.answer, tolerance: current.tolerance } : frozen
    case 'ordering': {
      if (current.type !== 'ordering') return frozen
      const text = new Map(frozen.items.map((item) => [item.id, item.text]))
      return { ...frozen, items: current.items.map((item) => ({ id: item.id, text: text.get(item.id)! })) }
    }
    case 'matching':
    case 'container-check-digit':
      return frozen
  }
}

export type RegradePlan =
  /** The copy already scores like the current version. */
  | { kind: 'same' }
  /** Its parts differ from the current version's: the fix cannot be carried over. */
  | { kind: 'incompatible' }
  | { kind: 'regrade'; definition: Question; points: number }

/** What regrading does to one frozen version of a question, given the current published one. */
export function planRegrade(
  frozen: { definition: Question; points: number },
  current: { definition: Question; points: number },
): RegradePlan {
  if (scoringKey(frozen.definition, frozen.points) === scoringKey(current.definition, current.points))
    return { kind: 'same' }
  const { definition: old } = frozen
  if (
    old.type !== current.definition.type ||
    JSON.stringify(partsOf(old)) !== JSON.stringify(partsOf(current.definition))
  )
    return { kind: 'incompatible' }
  return { kind: 'regrade', definition: withKey(old, current.definition), points: current.points }
}

/**
 * The attempt's grade with the question at `position` replaced: every question scored again from the
 * saved answers, exactly as the submit graded it (scoring.ts).
 */
export function gradeWithReplacement({
  questions,
  answers,
  position,
  replacement,
  passMark,
}: {
  questions: FrozenQuestion[]
  answers: Map<number, unknown>
  position: number
  replacement: { definition: Question; points: number }
  passMark: number
}) {
  return gradeAttempt({
    passMark,
    items: questions.map((question, at) => {
      const { definition, points } = at === position ? replacement : question
      return { points, fraction: scoreAnswer(definition, answers.get(at), question.generated) }
    }),
  })
}
