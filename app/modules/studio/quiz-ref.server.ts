import type { Prisma } from '~/generated/prisma/client'
import type { QuizRef } from './quiz-ref'

/** The published quiz a studio address names, for the `where` of a query (scope it further as needed). */
export function quizWhere(ref: QuizRef): Prisma.QuizWhereInput {
  return ref.module
    ? { course: { slug: ref.course }, module: { slug: ref.module } }
    : { course: { slug: ref.course }, kind: 'FINAL_EXAM' }
}
