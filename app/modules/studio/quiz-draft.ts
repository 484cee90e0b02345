import { z } from '~/utils/zod'
import {
  questionSchema,
  quizSettingsSchema,
  type Question,
  type Quiz,
  type QuizSettings,
} from '~/modules/content/package.schema'
import { canonicalJson } from '~/modules/content/package-hash'
import { parseQuestionConfirmed, type QuestionConfirmed } from './question-texts'

/*
 * A quiz draft as stored (ADR 025): settings and questions in the package format, so publishing and
 * an uploaded package's quiz are the same data; a retired question stays in the list, marked.
 */

export type { QuizSettings }
export type DraftQuestion = Question & { retired?: boolean }

export interface QuizDraftDocument {
  settings: QuizSettings
  questions: DraftQuestion[]
  /** Per question slug, per text path. */
  confirmed: Record<string, QuestionConfirmed>
  /** Per item (`settings`, a question's slug): its version. */
  versions: Record<string, number>
}

const draftQuestionSchema = z.intersection(questionSchema, z.object({ retired: z.boolean().optional() }))

/** The stored JSON back into a document; a row the schema refuses is a bug, not user input: it throws. */
export function readQuizDraft(row: { settings: unknown; questions: unknown; confirmed: unknown; versions: unknown }) {
  const confirmed = z.record(z.string(), z.unknown()).catch({}).parse(row.confirmed)
  return {
    settings: quizSettingsSchema.parse(row.settings),
    questions: z.array(draftQuestionSchema).parse(row.questions),
    confirmed: Object.fromEntries(
      Object.entries(confirmed).map(([slug, value]) => [slug, parseQuestionConfirmed(value)]),
    ),
    versions: z.record(z.string(), z.number()).catch({}).parse(row.versions),
  } satisfies QuizDraftDocument
}

/** The quiz learners would get from the draft: its current questions, without the studio's marks. */
export function draftQuiz(document: Pick<QuizDraftDocument, 'settings' | 'questions'>): Quiz {
  const questions = document.questions
    .filter((question) => !question.retired)
    .map(({ retired: _retired, ...question }) => question as Question)
  return { ...document.settings, questions }
}

/** Whether the draft says something other than what learners get now (null: nothing published yet). */
export function draftDiffers(document: Pick<QuizDraftDocument, 'settings' | 'questions'>, published: Quiz | null) {
  return published === null || canonicalJson(draftQuiz(document)) !== canonicalJson(published)
}

/** What decides a question's score: everything but its texts. A change here is what regrading is for. */
export function scoringPart(question: Question): unknown {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { points: question.points, options: question.options.map(({ id, correct }) => ({ id, correct })) }
    case 'true-false':
      return { points: question.points, answer: question.answer }
    case 'numeric':
      return { points: question.points, answer: question.answer, tolerance: question.tolerance }
    case 'matching':
      return { points: question.points, pairs: question.pairs.map(({ id }) => id) }
    case 'ordering':
      return { points: question.points, items: question.items.map(({ id }) => id) }
    case 'container-check-digit':
      return { points: question.points, task: question.task, choices: question.choices }
  }
}
