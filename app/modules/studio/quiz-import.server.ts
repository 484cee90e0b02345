import type { Prisma } from '~/generated/prisma/client'
import { canonicalJson } from '~/modules/content/package-hash'
import type { CoursePackage, Quiz } from '~/modules/content/package.schema'
import type { StudioOverwrite } from './errors'
import { confirmQuestion } from './question-texts'
import { draftQuiz, readQuizDraft } from './quiz-draft'
import { publishedQuizSelect, toPackageQuiz } from '~/modules/content/published-quiz'

// What `courses:import` must know about quizzes edited in the studio (ADR 025, as ADR 019 for texts):
// which ones a package would overwrite, and how their drafts and history follow an import.

type Tx = Prisma.TransactionClient

/** The quizzes of a package by module slug (null: the final exam). */
function packageQuizzes(pkg: CoursePackage): { module: string | null; quiz: Quiz | null }[] {
  return [
    ...pkg.modules.map((module) => ({ module: module.meta.slug, quiz: module.quiz })),
    { module: null, quiz: pkg.finalExam },
  ]
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/** What learners draw from now for a module's quiz (null: the final exam), in the package format. */
export async function readPublishedQuiz(tx: Tx, { courseId, module }: { courseId: string; module: string | null }) {
  const row = await tx.quiz.findFirst({
    where: module ? { courseId, module: { slug: module } } : { courseId, kind: 'FINAL_EXAM' },
    select: publishedQuizSelect,
  })
  return row ? toPackageQuiz(row) : null
}

/**
 * Each quiz the package changes that was published in the studio (its latest revision has an author) or
 * has a draft that differs from what learners draw from now. Locks the course's quiz drafts.
 */
export async function findQuizOverwrites(
  tx: Tx,
  {
    course,
    pkg,
    published,
  }: {
    course: { id: string; slug: string }
    pkg: CoursePackage
    published: (module: string | null) => Promise<Quiz | null>
  },
): Promise<StudioOverwrite[]> {
  await tx.$queryRaw`SELECT 1 FROM "QuizDraft" WHERE "courseId" = ${course.id} FOR UPDATE`
  const drafts = await tx.quizDraft.findMany({
    where: { courseId: course.id },
    select: {
      moduleId: true,
      module: { select: { slug: true } },
      settings: true,
      questions: true,
      confirmed: true,
      versions: true,
    },
  })
  const overwrites: StudioOverwrite[] = []
  for (const { module, quiz } of packageQuizzes(pkg)) {
    const current = await published(module)
    if (same(quiz, current)) continue
    const item = { course: course.slug, module }
    const latest = await tx.quizRevision.findFirst({
      where: {
        quiz: module
          ? { course: { id: course.id }, module: { slug: module } }
          : { courseId: course.id, kind: 'FINAL_EXAM' },
      },
      orderBy: { number: 'desc' },
      select: { number: true, publishedAt: true, publishedById: true },
    })
    if (latest?.publishedById)
      overwrites.push({
        ...item,
        kind: 'quiz-published',
        revision: { number: latest.number, publishedAt: latest.publishedAt, publishedBy: latest.publishedById },
      })
    const draft = drafts.find((row) => (row.module?.slug ?? null) === module)
    if (draft && (current === null || !same(draftQuiz(readQuizDraft(draft)), current)))
      overwrites.push({ ...item, kind: 'quiz-draft' })
  }
  return overwrites
}

/**
 * After an import wrote a quiz: its draft, if the studio ever opened it, becomes the imported quiz with
 * every version moved on (an open editor gets a conflict), texts confirmed as a package's are; a quiz
 * with studio history gets an authorless "imported" revision, so its history ends in what learners get.
 */
export async function followImportedQuiz(
  tx: Tx,
  {
    courseId,
    moduleId,
    quizId,
    quiz,
  }: { courseId: string; moduleId: string | null; quizId: string | null; quiz: Quiz | null },
) {
  const draft = await tx.quizDraft.findFirst({
    where: moduleId ? { moduleId } : { courseId, moduleId: null },
    select: { id: true, versions: true, settings: true, questions: true, confirmed: true },
  })
  if (draft && quiz) {
    const { questions, ...settings } = quiz
    const old = readQuizDraft(draft)
    if (!same(draftQuiz(old), quiz)) {
      const items = new Set(['settings', ...Object.keys(old.versions), ...questions.map((q) => q.slug)])
      await tx.quizDraft.update({
        where: { id: draft.id },
        data: {
          settings: settings as Prisma.InputJsonObject,
          questions: questions as unknown as Prisma.InputJsonArray,
          confirmed: Object.fromEntries(questions.map((q) => [q.slug, confirmQuestion(q)])) as Prisma.InputJsonObject,
          versions: Object.fromEntries([...items].map((item) => [item, (old.versions[item] ?? 0) + 1])),
          version: { increment: 1 },
          updatedById: null,
        },
      })
    }
  }
  if (!quizId || !quiz) return
  const latest = await tx.quizRevision.findFirst({
    where: { quizId },
    orderBy: { number: 'desc' },
    select: { number: true, content: true },
  })
  if (!latest) return
  const { confirmed: _confirmed, ...content } = latest.content as Record<string, unknown>
  if (same(content, quiz)) return
  await tx.quizRevision.create({
    data: {
      quizId,
      number: latest.number + 1,
      content: {
        ...quiz,
        confirmed: Object.fromEntries(quiz.questions.map((q) => [q.slug, confirmQuestion(q)])),
      } as unknown as Prisma.InputJsonObject,
      publishedById: null,
      note: null,
    },
  })
}
