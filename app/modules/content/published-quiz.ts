import type { Prisma } from '~/generated/prisma/client'
import { questionSchema, type Quiz, type QuizSettings } from './package.schema'

/*
 * A published quiz read back in the package format: its settings and its current questions in order.
 * The package download (ADR 026) and the studio's quiz pages (ADR 025) read it the same way.
 */

export const publishedQuizSelect = {
  passMark: true,
  maxAttempts: true,
  timeLimitMinutes: true,
  questionsPerAttempt: true,
  questionsPerModule: true,
  shuffleQuestions: true,
  shuffleOptions: true,
  review: true,
  questions: {
    where: { archivedAt: null },
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    select: { slug: true, type: true, points: true, definition: true },
  },
} satisfies Prisma.QuizSelect

/** The row as a package quiz; a stored definition the schema refuses is a bug, not input: it throws. */
export function toPackageQuiz({
  questions,
  review,
  ...settings
}: {
  review: string
  questions: { slug: string; type: string; points: number; definition: unknown }[]
} & Omit<QuizSettings, 'review'>): Quiz {
  return {
    ...settings,
    review: review as QuizSettings['review'],
    questions: questions.map((row) =>
      questionSchema.parse({ ...(row.definition as object), slug: row.slug, type: row.type, points: row.points }),
    ),
  }
}
