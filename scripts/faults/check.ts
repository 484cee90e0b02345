// What the fault test finds in the database, read straight from PostgreSQL: the answers of every
// learner's last acknowledged save (or a later one the learner sent), one attempt per learner, and after
// the learners went back, every attempt submitted.
import { isDeepStrictEqual } from 'node:util'
import pg from 'pg'
import { readAttemptForm } from '~/modules/quiz/answer-form'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { fromPublicAnswer } from '~/modules/quiz/public-question'
import type { LearnerRun, Save } from './learners'

interface StoredAnswer {
  seq: number
  answer: unknown
}

/** What the server stores for each position of a save: the app's own reading of the posted form. */
function expectedAnswers(save: Save, questions: FrozenQuestion[]): Map<number, unknown> {
  const form = new FormData()
  for (const [name, value] of save.body) form.append(name, value)
  const parsed = readAttemptForm(form)
  if (!parsed.ok) throw new Error(`the test sent a form the app does not read (seq ${save.seq})`)
  return new Map(
    parsed.answers.map(({ position, answer }) => [position, fromPublicAnswer(questions[position]!, answer) ?? null]),
  )
}

/**
 * Why the learner's last acknowledged save is not in the database, or null when it is: every position it
 * answered holds that save's answer, or the answer of a later save the learner sent (acknowledged or not:
 * a save whose answer was lost may still have been stored).
 */
export function lostSave(
  run: LearnerRun,
  stored: Map<number, StoredAnswer>,
  questions: FrozenQuestion[],
): string | null {
  const acknowledged = run.saves.filter((save) => save.acknowledged).at(-1)
  if (!acknowledged) return null
  const later = new Map(run.saves.filter((save) => save.seq >= acknowledged.seq).map((save) => [save.seq, save]))
  for (const [position, answer] of expectedAnswers(acknowledged, questions)) {
    const row = stored.get(position)
    if (!row) return `position ${position}: nothing stored, acknowledged seq ${acknowledged.seq}`
    const from = later.get(row.seq)
    if (!from) return `position ${position}: stored seq ${row.seq}, acknowledged seq ${acknowledged.seq}`
    const wanted = from === acknowledged ? answer : expectedAnswers(from, questions).get(position)
    if (!isDeepStrictEqual(row.answer, wanted)) return `position ${position}: another answer than seq ${row.seq} sent`
  }
  return null
}

export interface DatabaseCheck {
  /** Learners with an acknowledged save, and those whose last one is not stored (with why). */
  acknowledged: number
  lost: string[]
  /** Learners with more than one attempt at the exam. */
  duplicates: number
  /** Learners' attempts still open. */
  open: number
}

export async function checkDatabase({
  url,
  quizId,
  runs,
}: {
  url: string
  quizId: string
  runs: LearnerRun[]
}): Promise<DatabaseCheck> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const userIds = runs.map((run) => run.userId)
    const { rows: attempts } = await client.query<{ id: string; userId: string; status: string; questions: unknown }>(
      `SELECT "id", "userId", "status", "questions" FROM "QuizAttempt" WHERE "quizId" = $1 AND "userId" = ANY($2)`,
      [quizId, userIds],
    )
    const { rows: answers } = await client.query<{ attemptId: string; position: number; seq: number; answer: unknown }>(
      `SELECT "attemptId", "position", "seq", "answer" FROM "AttemptAnswer" WHERE "attemptId" = ANY($1)`,
      [attempts.map((attempt) => attempt.id)],
    )
    const stored = new Map<string, Map<number, StoredAnswer>>()
    for (const { attemptId, position, seq, answer } of answers) {
      if (!stored.has(attemptId)) stored.set(attemptId, new Map())
      stored.get(attemptId)!.set(position, { seq, answer })
    }
    const byId = new Map(attempts.map((attempt) => [attempt.id, attempt]))
    const lost = runs.flatMap((run, index) => {
      const attempt = run.attemptId ? byId.get(run.attemptId) : undefined
      if (!attempt) return run.saves.some((save) => save.acknowledged) ? [`learner ${index + 1}: no attempt`] : []
      const why = lostSave(run, stored.get(attempt.id) ?? new Map(), attempt.questions as FrozenQuestion[])
      return why ? [`learner ${index + 1}: ${why}`] : []
    })
    const perLearner = new Map<string, number>()
    for (const { userId } of attempts) perLearner.set(userId, (perLearner.get(userId) ?? 0) + 1)
    return {
      acknowledged: runs.filter((run) => run.saves.some((save) => save.acknowledged)).length,
      lost,
      duplicates: [...perLearner.values()].filter((count) => count > 1).length,
      open: attempts.filter((attempt) => attempt.status === 'IN_PROGRESS').length,
    }
  } finally {
    await client.end()
  }
}
