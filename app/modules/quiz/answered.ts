import type { PublicAnswer, PublicQuestion } from './public-question'

/*
 * Whether a question of an open attempt has an answer, for the summary under the questions and the
 * check before submitting. One rule for the page (reading its form as the learner changes it) and the
 * server (reading the saved answers): a choice made, a value typed, or every row of a matching or
 * ordering question given its counterpart — half a matching is still unanswered, so it is not
 * submitted unnoticed.
 */

const filled = (value: string | undefined) => value !== undefined && value.trim() !== ''

export function isAnswered(question: PublicQuestion, answer: PublicAnswer | undefined): boolean {
  if (!answer) return false
  switch (question.type) {
    case 'matching':
      return question.left.every((row) => filled(answer.pairs?.[row.key]))
    case 'ordering':
      return question.items.every((item) => filled(answer.pairs?.[item.key]))
    default:
      return (answer.choices ?? []).some(filled) || filled(answer.value)
  }
}

/** The positions (0-based) of the attempt's questions that have no answer, in page order. */
export function unansweredPositions(
  questions: { position: number; question: PublicQuestion; answer: PublicAnswer | undefined }[],
): number[] {
  return questions.filter(({ question, answer }) => !isAnswered(question, answer)).map(({ position }) => position)
}
