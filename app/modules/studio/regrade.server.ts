import { createHash } from 'node:crypto'
import { Prisma } from '~/generated/prisma/client'
import type { Question } from '~/modules/content/package.schema'
import { completeAfterPass } from '~/modules/progress/completion.server'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { publishedQuestion } from '~/modules/quiz/published-question'
import { gradeWithReplacement, scoringKey } from '~/modules/quiz/regrade'
import { getPrisma } from '~/utils/db.server'
import { certificatesToReview, type CertificateToReview } from './regrade-certificates.server'
import type { QuizRef } from './quiz-ref'
import { quizWhere } from './quiz-ref.server'
import { frozenVersions } from './regrade-versions.server'

/*
 * Regrading finished attempts after an author fixed a published question's key or points (ADR 028):
 * a preview of whose score and pass/fail change, then a confirm that applies exactly that preview.
 * Only the course's editors find the question at all (ADR 018): the scope is in the query.
 */

type Db = Prisma.TransactionClient

/** The preview was computed against another key or other attempts than there are now; nothing was written. */
export class RegradeStale extends Error {}

export const REGRADE_AUDIT_ACTION = 'studio.question.regraded'

/** The published question at a studio address, if `userId` edits its course. */
async function findEditableQuestion(db: Db, { ref, slug, userId }: { ref: QuizRef; slug: string; userId: string }) {
  return db.question.findFirst({
    where: { slug, quiz: { AND: [quizWhere(ref), { course: { editors: { some: { userId } } } }] } },
    select: {
      id: true,
      slug: true,
      type: true,
      points: true,
      definition: true,
      archivedAt: true,
      quiz: {
        select: {
          id: true,
          passMark: true,
          courseId: true,
          moduleId: true,
          course: { select: { title: true } },
          module: { select: { title: true } },
        },
      },
    },
  })
}
type EditableQuestion = NonNullable<Awaited<ReturnType<typeof findEditableQuestion>>>

interface CandidateRow {
  id: string
  number: number
  userId: string
  learnerName: string
  administrationName: unknown
  score: number
  passed: boolean
  submittedAt: Date
  questions: FrozenQuestion[]
  answers: [number, unknown][]
  position: number
  version: number
}

/**
 * The finished attempts holding a version `versions` lists, each with its questions and saved answers;
 * locked for the rest of the transaction when `lock` (in id order, so two regrades cannot deadlock).
 */
function candidateRows(
  db: Db,
  {
    question,
    versions,
    lock,
  }: { question: EditableQuestion; versions: { definition: Question; points: number }[]; lock: boolean },
) {
  const wanted = JSON.stringify(versions.map((version, index) => ({ index, ...version })))
  return db.$queryRaw<CandidateRow[]>`
    SELECT a."id", a."number", a."userId", u."displayName" AS "learnerName", adm."name" AS "administrationName",
      a."score", a."passed", a."submittedAt", a."questions", (f."pos" - 1)::int AS "position", v."index" AS "version",
      COALESCE((SELECT jsonb_agg(jsonb_build_array(s."position", s."answer")) FROM "AttemptAnswer" s
        WHERE s."attemptId" = a."id"), '[]'::jsonb) AS "answers"
    FROM "QuizAttempt" a
    CROSS JOIN LATERAL jsonb_array_elements(a."questions") WITH ORDINALITY AS f("elem", "pos")
    JOIN jsonb_to_recordset(${wanted}::jsonb) AS v("index" int, "definition" jsonb, "points" int)
      ON v."definition" = f."elem"->'definition' AND v."points" = (f."elem"->>'points')::int
    JOIN "User" u ON u."id" = a."userId"
    LEFT JOIN "Administration" adm ON adm."id" = u."administrationId"
    WHERE a."quizId" = ${question.quiz.id} AND a."status" = 'SUBMITTED'
      AND f."elem"->>'questionId' = ${question.id}
    ORDER BY a."id"
    ${lock ? Prisma.sql`FOR UPDATE OF a` : Prisma.empty}`
}

/** Everything the preview shows and the confirm applies, computed the same way for both. */
async function computeRegrade(db: Db, question: EditableQuestion, { lock }: { lock: boolean }) {
  const current = { definition: publishedQuestion(question), points: question.points }
  const versions = await frozenVersions(db, [question.id])
  const regradable = versions.flatMap((version) =>
    version.status === 'SUBMITTED' && version.plan.kind === 'regrade'
      ? [{ from: version, to: { definition: version.plan.definition, points: version.plan.points } }]
      : [],
  )
  const rows = await candidateRows(db, { question, versions: regradable.map((each) => each.from), lock })
  const attempts = rows.map((row) => {
    const grade = gradeWithReplacement({
      questions: row.questions,
      answers: new Map(row.answers),
      position: row.position,
      replacement: regradable[row.version]!.to,
      passMark: question.quiz.passMark,
    })
    return { ...row, newScore: grade.percent, newPassed: grade.passed }
  })
  const count = (status: string, kind: string) =>
    versions
      .filter((version) => version.status === status && version.plan.kind === kind)
      .reduce((sum, version) => sum + version.attempts, 0)
  // What the preview was shown for: the key it regrades to and each attempt as it stood.
  const token = createHash('sha256')
    .update(JSON.stringify([scoringKey(current.definition, current.points), rows.map((row) => [row.id, row.score])]))
    .digest('hex')
  return {
    current,
    regradable,
    attempts,
    token,
    inProgress: count('IN_PROGRESS', 'regrade'),
    incompatible: count('SUBMITTED', 'incompatible'),
  }
}

/** The regrade page: the question, and whose score and pass/fail regrading would change. Null: not found. */
export async function getRegradePreview({ ref, slug, userId }: { ref: QuizRef; slug: string; userId: string }) {
  const db = getPrisma()
  const question = await findEditableQuestion(db, { ref, slug, userId })
  if (!question) return null
  const { current, attempts, token, inProgress, incompatible } = await computeRegrade(db, question, { lock: false })
  return {
    question: {
      id: question.id,
      slug: question.slug,
      prompt: current.definition.prompt,
      retired: question.archivedAt !== null,
    },
    quiz: { courseTitle: question.quiz.course.title, moduleTitle: question.quiz.module?.title ?? null },
    passMark: question.quiz.passMark,
    token,
    inProgress,
    incompatible,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      number: attempt.number,
      learnerName: attempt.learnerName,
      administrationName: attempt.administrationName,
      oldScore: attempt.score,
      oldPassed: attempt.passed,
      newScore: attempt.newScore,
      newPassed: attempt.newPassed,
    })),
  }
}

export interface RegradeOutcome {
  question: string
  attempts: number
  scoreChanged: number
  nowPassing: number
  nowFailing: number
  coursesCompleted: number
  certificatesToReview: CertificateToReview[]
}

/**
 * Applies the preview identified by `token` in one transaction: the question's row and the attempts are
 * locked, the preview computed again and compared, so a concurrent confirm or publish makes this one
 * RegradeStale instead of regrading against a key nobody previewed. Attempts that now pass complete what
 * a submit would have completed; issued certificates are never revoked here, only listed.
 */
export async function confirmRegrade({
  ref,
  slug,
  userId,
  token,
  now = new Date(),
}: {
  ref: QuizRef
  slug: string
  userId: string
  token: string
  now?: Date
}): Promise<{ auditId: string; outcome: RegradeOutcome } | null> {
  return getPrisma().$transaction(
    async (tx) => {
      const found = await findEditableQuestion(tx, { ref, slug, userId })
      if (!found) return null
      await tx.$queryRaw`SELECT 1 FROM "Question" WHERE "id" = ${found.id} FOR UPDATE`
      // Read again under the lock: a publish that committed while this waited is seen.
      const question = await findEditableQuestion(tx, { ref, slug, userId })
      if (!question) return null
      const regrade = await computeRegrade(tx, question, { lock: true })
      if (regrade.token !== token || regrade.attempts.length === 0) throw new RegradeStale()
      const versions = regrade.regradable.map((each, index) => ({ index, ...each.to }))
      const rows = regrade.attempts.map(({ id, position, version, newScore, newPassed }) => ({
        id,
        position,
        version,
        score: newScore,
        passed: newPassed,
      }))
      await tx.$executeRaw`
        UPDATE "QuizAttempt" a SET
          "questions" = jsonb_set(
            jsonb_set(a."questions", ARRAY[r."position"::text, 'definition'], v."definition"),
            ARRAY[r."position"::text, 'points'], to_jsonb(v."points")),
          "score" = r."score", "passed" = r."passed", "regradedAt" = ${now}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r("id" text, "position" int, "version" int, "score" float8, "passed" boolean)
        JOIN jsonb_to_recordset(${JSON.stringify(versions)}::jsonb) AS v("index" int, "definition" jsonb, "points" int)
          ON v."index" = r."version"
        WHERE a."id" = r."id"`
      const passing = regrade.attempts.filter((attempt) => attempt.newPassed && !attempt.passed)
      const failing = regrade.attempts.filter((attempt) => !attempt.newPassed && attempt.passed)
      let coursesCompleted = 0
      const { moduleId, courseId, id: quizId } = question.quiz
      for (const learner of new Set(passing.map((attempt) => attempt.userId)))
        if (await completeAfterPass(tx, { userId: learner, moduleId, courseId })) coursesCompleted += 1
      const outcome: RegradeOutcome = {
        question: question.slug,
        attempts: regrade.attempts.length,
        scoreChanged: regrade.attempts.filter((attempt) => attempt.newScore !== attempt.score).length,
        nowPassing: passing.length,
        nowFailing: failing.length,
        coursesCompleted,
        certificatesToReview: await certificatesToReview(tx, { quizId, courseId, failing }),
      }
      const entry = await tx.auditLog.create({
        data: {
          actorId: userId,
          action: REGRADE_AUDIT_ACTION,
          targetType: 'Course',
          targetId: courseId,
          // Null for the final exam: a module's quiz and the exam may have questions with the same slug.
          details: { ...outcome, module: ref.module, certificatesRevoked: 0 } as unknown as Prisma.InputJsonObject,
        },
        select: { id: true },
      })
      return { auditId: entry.id, outcome }
    },
    { timeout: 60_000 },
  )
}

/** A regrade's outcome as its audit entry recorded it, for the result page; null if not this course's. */
export async function getRegradeOutcome({
  ref,
  slug,
  userId,
  auditId,
}: {
  ref: QuizRef
  slug: string
  userId: string
  auditId: string
}) {
  const question = await findEditableQuestion(getPrisma(), { ref, slug, userId })
  if (!question) return null
  const entry = await getPrisma().auditLog.findFirst({
    where: { id: auditId, action: REGRADE_AUDIT_ACTION, targetType: 'Course', targetId: question.quiz.courseId },
    select: { at: true, details: true },
  })
  const outcome = entry?.details as (RegradeOutcome & { module: string | null }) | null | undefined
  if (!entry || outcome?.question !== question.slug || outcome.module !== ref.module) return null
  const quiz = { courseTitle: question.quiz.course.title, moduleTitle: question.quiz.module?.title ?? null }
  return { at: entry.at, quiz, prompt: publishedQuestion(question).prompt, outcome }
}
