import { z } from '~/utils/zod'
import type { Question } from '~/modules/content/package.schema'
import { checkDigit, isValidContainerNumber } from './iso6346'

/*
 * Scoring, per question, as a fraction of its points between 0 and 1. The rules (docs/decisions/007):
 * - single choice, true/false, numeric: all or nothing; numeric accepts |given − answer| ≤ tolerance.
 * - multiple choice: partial credit with penalties — each correct option ticked earns 1/(correct
 *   options), each wrong one ticked costs 1/(wrong options), never below 0. Ticking everything
 *   scores 0, ticking nothing scores 0.
 * - matching: the share of left items matched to their own right item.
 * - ordering: the share of items in their correct position.
 * - container check digit: all or nothing, by the ISO 6346 algorithm on the numbers generated for
 *   the attempt — the digit of the one number shown, or the one shown number whose digit is wrong.
 * An answer of the wrong shape, or none, scores 0: the server never trusts the form's structure.
 */

const ids = z.array(z.string()).max(50)

export const answerSchemas = {
  single: z.object({ optionId: z.string() }),
  multiple: z.object({ optionIds: ids }),
  'true-false': z.object({ value: z.boolean() }),
  matching: z.object({ matches: z.record(z.string(), z.string()) }),
  ordering: z.object({ order: ids }),
  numeric: z.object({ value: z.number().finite() }),
  'container-check-digit': z.union([
    z.object({ digit: z.number().int().min(0).max(9) }),
    z.object({ number: z.string().max(20) }),
  ]),
} satisfies Record<Question['type'], z.ZodType>

export type AnswerFor<T extends Question['type']> = z.output<(typeof answerSchemas)[T]>

/** `generated` holds the values an attempt generated for the question (container numbers), if any. */
export function scoreAnswer(question: Question, answer: unknown, generated: string[] | null = null): number {
  switch (question.type) {
    case 'single': {
      const given = parse('single', answer)
      return question.options.some((option) => option.correct && option.id === given?.optionId) ? 1 : 0
    }
    case 'multiple': {
      const given = parse('multiple', answer)
      return given ? scoreMultiple(question.options, new Set(given.optionIds)) : 0
    }
    case 'true-false':
      return parse('true-false', answer)?.value === question.answer ? 1 : 0
    case 'matching': {
      const matches = parse('matching', answer)?.matches ?? {}
      return question.pairs.filter((pair) => matches[pair.id] === pair.id).length / question.pairs.length
    }
    case 'ordering': {
      const order = parse('ordering', answer)?.order ?? []
      return question.items.filter((item, index) => order[index] === item.id).length / question.items.length
    }
    case 'numeric': {
      const given = parse('numeric', answer)
      return given && Math.abs(given.value - question.answer) <= question.tolerance ? 1 : 0
    }
    case 'container-check-digit':
      return scoreCheckDigit(question.task, parse('container-check-digit', answer), generated ?? []) ? 1 : 0
  }
}

function parse<T extends Question['type']>(type: T, answer: unknown): AnswerFor<T> | null {
  const result = answerSchemas[type].safeParse(answer)
  return result.success ? (result.data as AnswerFor<T>) : null
}

function scoreCheckDigit(
  task: 'compute' | 'spot-wrong',
  given: AnswerFor<'container-check-digit'> | null,
  numbers: string[],
): boolean {
  if (!given) return false
  if (task === 'compute')
    return 'digit' in given && numbers.length === 1 && checkDigit(numbers[0]!.slice(0, 10)) === given.digit
  return 'number' in given && numbers.includes(given.number) && !isValidContainerNumber(given.number)
}

function scoreMultiple(options: { id: string; correct: boolean }[], ticked: Set<string>): number {
  const correct = options.filter((option) => option.correct)
  const wrong = options.filter((option) => !option.correct)
  const earned = correct.filter((option) => ticked.has(option.id)).length / correct.length
  const lost = wrong.length === 0 ? 0 : wrong.filter((option) => ticked.has(option.id)).length / wrong.length
  return Math.max(0, earned - lost)
}

/** Percent of the points available, to two decimals, and whether it reaches the pass mark. */
export function gradeAttempt({ items, passMark }: { items: { points: number; fraction: number }[]; passMark: number }) {
  const available = items.reduce((sum, item) => sum + item.points, 0)
  const earned = items.reduce((sum, item) => sum + item.points * item.fraction, 0)
  const percent = available === 0 ? 0 : Math.round((earned * 10_000) / available) / 100
  return { earned, available, percent, passed: percent >= passMark }
}
