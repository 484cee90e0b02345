import type { Prisma } from '~/generated/prisma/client'
import { LOCALES } from '~/i18n/config'
import { examDrawProblems, moduleQuizDrawProblems } from '~/modules/content/exam-draw'
import { writeQuiz } from '~/modules/content/import.server'
import { quizSchema, type Quiz } from '~/modules/content/package.schema'
import { QuizPublishRefused, type QuizProblem } from './errors'
import { questionStatus } from './question-texts'
import { draftQuiz, type QuizDraftDocument } from './quiz-draft'
import { changeQuizDraft, type QuizContext } from './quiz-drafts.server'
import type { QuizRef } from './quiz-ref'

// Publishing a quiz draft (ADR 025): the checks of `courses:validate --strict` on the draft, then the
// importer's own quiz writer, then an immutable revision. Attempts in progress and finished keep the
// questions they were given (ADR 008); new attempts draw from what was published.

/** What the validator would refuse, as the author's problems: next to the settings or a question's field. */
export function quizPublishProblems(document: QuizDraftDocument, ctx: Pick<QuizContext, 'moduleId' | 'modules'>) {
  const quiz = draftQuiz(document)
  const problems: QuizProblem[] = []
  const slugAt = (index: unknown) => (typeof index === 'number' ? (quiz.questions[index]?.slug ?? null) : null)

  if (quiz.questions.length === 0)
    problems.push({ question: null, field: 'questions', message: 'quiz.problems.noQuestions', params: {} })
  else if (quiz.questionsPerAttempt > quiz.questions.length) problems.push(tooFew(quiz))

  for (const question of quiz.questions) {
    for (const status of questionStatus(question, {})) {
      const missing = LOCALES.filter((locale) => status.state[locale] === 'missing')
      if (missing.length > 0)
        problems.push({
          question: question.slug,
          field: status.path,
          message: 'quiz.problems.missingTranslation',
          params: { languages: missing.join(', ') },
        })
    }
  }
  const draw = ctx.moduleId
    ? moduleQuizDrawProblems(quiz)
    : examDrawProblems(
        quiz,
        ctx.modules.map((module) => module.slug),
      )
  for (const problem of draw)
    problems.push({
      question: problem.path[0] === 'questions' ? slugAt(problem.path[1]) : null,
      field: String(problem.path.at(-1)),
      message: `quiz.problems.${problem.code}`,
      params: problem.params,
    })
  // The package schema is the last word; anything it refuses that the checks above did not name.
  const parsed = quizSchema.safeParse(quiz)
  if (!parsed.success && problems.length === 0)
    for (const issue of parsed.error.issues)
      problems.push({
        question: issue.path[0] === 'questions' ? slugAt(issue.path[1]) : null,
        field: String(issue.path.at(-1) ?? ''),
        message: 'quiz.problems.invalid',
        params: { detail: issue.message },
      })
  return problems
}

const tooFew = (quiz: Quiz): QuizProblem => ({
  question: null,
  field: 'questionsPerAttempt',
  message: 'quiz.problems.tooFewQuestions',
  params: { count: quiz.questionsPerAttempt, pool: quiz.questions.length },
})

/** Questions published with a language out of date: allowed, and said (as for module texts). */
function outOfDateQuestions(document: QuizDraftDocument) {
  return draftQuiz(document).questions.filter((question) =>
    questionStatus(question, document.confirmed[question.slug] ?? {}).some((status) =>
      LOCALES.some((locale) => status.state[locale] === 'outOfDate'),
    ),
  )
}

/**
 * Publishes the draft: refuses with `QuizPublishRefused` and writes nothing when the checks fail;
 * else writes the quiz as the importer does and records revision n+1. Returns it and the questions
 * published with an out-of-date translation.
 */
export function publishQuizDraft({ ref, userId, note }: { ref: QuizRef; userId: string; note: string | null }) {
  return changeQuizDraft({ ref, userId }, async (document, ctx, tx) => {
    const problems = quizPublishProblems(document, ctx)
    if (problems.length > 0) throw new QuizPublishRefused(problems)
    const quiz = draftQuiz(document)
    const counts = { created: 0, updated: 0, archived: 0 }
    const quizId = await writeQuiz(tx, {
      courseId: ctx.courseId,
      moduleId: ctx.moduleId,
      existingId: ctx.publishedId,
      quiz,
      counts,
    })
    const last = await tx.quizRevision.findFirst({
      where: { quizId: quizId! },
      orderBy: { number: 'desc' },
      select: { number: true },
    })
    const number = (last?.number ?? 0) + 1
    await tx.quizRevision.create({
      data: {
        quizId: quizId!,
        number,
        content: { ...quiz, confirmed: document.confirmed } as unknown as Prisma.InputJsonObject,
        publishedById: userId,
        note,
      },
    })
    const outOfDate = outOfDateQuestions(document).map((question) => question.slug)
    return {
      document,
      action: 'studio.quiz.published',
      details: { revision: number, ...counts },
      bump: [],
      revision: number,
      outOfDate,
    }
  })
}
