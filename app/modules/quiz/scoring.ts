import { z } from 'zod'
import type { Question } from '~/modules/content/package.schema'

/*
 * Scoring, per question, as a fraction of its points between 0 and 1. The rules (docs/decisions/007):
 * - single choice, true/false, numeric: all or nothing; numeric accepts |given − answer| ≤ tolerance.
 * - multiple choice: partial credit with penalties — each correct option ticked earns 1/(correct
 *   options), each wrong one ticked costs 1/(wrong options), never below 0. Ticking everything
 *   scores 0, ticking nothing scores 0.
 * - matching: the share of left items matched to their own right item.
 * - ordering: the share of items in their correct position.
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
} satisfies Record<Question['type'], z.ZodType>

export type AnswerFor<T extends Question['type']> = z.output<(typeof answerSchemas)[T]>

export function scoreAnswer(question: Question, answer: unknown): number {
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
  }
}

function parse<T extends Question['type']>(type: T, answer: unknown): AnswerFor<T> | null {
  const result = answerSchemas[type].safeParse(answer)
  return result.success ? (result.data as AnswerFor<T>) : null
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
