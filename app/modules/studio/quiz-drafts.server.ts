import { type Prisma } from '~/generated/prisma/client'
import { readLocalizedText } from '~/i18n/localized'
import { writeAudit } from '~/modules/audit/audit.server'
import type { Question, Quiz, QuizSettings } from '~/modules/content/package.schema'
import { publishedQuizSelect, toPackageQuiz } from '~/modules/content/published-quiz'
import { getPrisma } from '~/utils/db.server'
import { COURSE_TARGET } from './courses.server'
import { QuestionSlugTaken, QuizDraftConflict, QuizNotFound } from './errors'
import { confirmQuestion } from './question-texts'
import { readQuizDraft, type DraftQuestion, type QuizDraftDocument } from './quiz-draft'
import type { QuizRef } from './quiz-ref'
import { quizWhere } from './quiz-ref.server'

// A quiz's draft (ADR 025): one row per module quiz or final exam, created from what learners draw
// from now on its first open by an editor. Every write locks the row and, for a question or the
// settings, names the version the author started from: a stale one is a conflict, never an overwrite.

type Tx = Prisma.TransactionClient
type Db = Tx | ReturnType<typeof getPrisma>

/** What a new quiz starts with; a final exam as docs/content-format.md advises. */
const DEFAULT_SETTINGS: Record<'module' | 'exam', QuizSettings> = {
  module: {
    passMark: 70,
    maxAttempts: null,
    timeLimitMinutes: null,
    questionsPerAttempt: 5,
    questionsPerModule: null,
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'after-attempt',
  },
  exam: {
    passMark: 70,
    maxAttempts: 3,
    timeLimitMinutes: 30,
    questionsPerAttempt: 10,
    questionsPerModule: null,
    shuffleQuestions: true,
    shuffleOptions: true,
    review: 'after-pass',
  },
}

/** The course and module a quiz address names, whether this user edits the course, and the published quiz. */
export async function findQuizContext(db: Db, { ref, userId }: { ref: QuizRef; userId: string }) {
  const course = await db.course.findUnique({
    where: { slug: ref.course },
    select: {
      id: true,
      slug: true,
      title: true,
      finalExamRule: true,
      editors: { where: { userId }, select: { userId: true } },
      modules: { where: { archivedAt: null }, orderBy: { position: 'asc' }, select: { slug: true, title: true } },
    },
  })
  if (!course) return null
  const module = ref.module
    ? await db.module.findFirst({
        where: { courseId: course.id, slug: ref.module },
        select: { id: true, slug: true, title: true },
      })
    : null
  if (ref.module ? !module : course.finalExamRule === 'none') return null
  const published = await db.quiz.findFirst({ where: quizWhere(ref), select: { id: true, ...publishedQuizSelect } })
  return {
    courseId: course.id,
    courseSlug: course.slug,
    courseTitle: readLocalizedText(course.title),
    moduleId: module?.id ?? null,
    moduleSlug: module?.slug ?? null,
    moduleTitle: module ? readLocalizedText(module.title) : null,
    canEdit: course.editors.length > 0,
    /** The course's current modules, which a final exam's questions name. */
    modules: course.modules.map(({ slug, title }) => ({ slug, title: readLocalizedText(title) })),
    published: published ? toPackageQuiz(withoutId(published)) : null,
    publishedId: published?.id ?? null,
  }
}
export type QuizContext = NonNullable<Awaited<ReturnType<typeof findQuizContext>>>

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest

/** The draft a context starts from when it has none: the published quiz, its texts confirmed as they are. */
function initialDocument(ctx: QuizContext): Omit<QuizDraftDocument, 'versions'> {
  const quiz = ctx.published
  const settings = quiz ? withoutQuestions(quiz) : DEFAULT_SETTINGS[ctx.moduleId ? 'module' : 'exam']
  const questions = quiz?.questions ?? []
  return {
    settings,
    questions,
    confirmed: Object.fromEntries(questions.map((question) => [question.slug, confirmQuestion(question)])),
  }
}

const withoutQuestions = ({ questions: _questions, ...settings }: Quiz): QuizSettings => settings

const draftWhere = (ctx: Pick<QuizContext, 'courseId' | 'moduleId'>) =>
  ctx.moduleId ? { moduleId: ctx.moduleId } : { courseId: ctx.courseId, moduleId: null }

const draftSelect = {
  id: true,
  settings: true,
  questions: true,
  confirmed: true,
  versions: true,
  version: true,
  updatedById: true,
  updatedAt: true,
} satisfies Prisma.QuizDraftSelect

async function ensureDraft(db: Db, ctx: QuizContext) {
  const existing = await db.quizDraft.findFirst({ where: draftWhere(ctx), select: draftSelect })
  if (existing) return existing
  const initial = initialDocument(ctx)
  // Two first opens at once: the unique indexes let one row in, and both then read it.
  await db.quizDraft.createMany({
    data: [
      {
        courseId: ctx.courseId,
        moduleId: ctx.moduleId,
        settings: initial.settings as Prisma.InputJsonObject,
        questions: initial.questions as unknown as Prisma.InputJsonArray,
        confirmed: initial.confirmed as Prisma.InputJsonObject,
        versions: {},
      },
    ],
    skipDuplicates: true,
  })
  return db.quizDraft.findFirstOrThrow({ where: draftWhere(ctx), select: draftSelect })
}

/** A final exam's pass mark is a course detail (ADR 024): the draft always shows the published one. */
function withExamPassMark(ctx: QuizContext, document: QuizDraftDocument): QuizDraftDocument {
  if (ctx.moduleId || !ctx.published) return document
  return { ...document, settings: { ...document.settings, passMark: ctx.published.passMark } }
}

/**
 * The quiz's draft for the studio's pages. An editor's first open creates it; anyone else previews the
 * published quiz (or an empty one) without writing anything.
 */
export async function openQuizDraft({ ref, userId }: { ref: QuizRef; userId: string }) {
  const db = getPrisma()
  const ctx = await findQuizContext(db, { ref, userId })
  if (!ctx) return null
  const row = ctx.canEdit
    ? await ensureDraft(db, ctx)
    : await db.quizDraft.findFirst({ where: draftWhere(ctx), select: draftSelect })
  const document = row ? readQuizDraft(row) : { ...initialDocument(ctx), versions: {} }
  const updatedBy = row?.updatedById
    ? await db.user.findUnique({ where: { id: row.updatedById }, select: { displayName: true } })
    : null
  return {
    ctx,
    document: withExamPassMark(ctx, document),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: updatedBy?.displayName ?? null,
  }
}
export type OpenQuizDraft = NonNullable<Awaited<ReturnType<typeof openQuizDraft>>>

/** One write to a draft: what it did, for the audit log, and the items whose version it bumps. */
export interface DraftChange {
  document: Omit<QuizDraftDocument, 'versions'>
  action: string
  details?: Record<string, string | number>
  bump: string[]
}

/**
 * Runs a change on the draft under a row lock, as an editor of the course (QuizNotFound otherwise).
 * `expect` names an item and the version the author started from; another version is a conflict.
 */
export async function changeQuizDraft<T extends DraftChange>(
  { ref, userId, expect }: { ref: QuizRef; userId: string; expect?: { item: string; version: number } },
  change: (document: QuizDraftDocument, ctx: QuizContext, tx: Tx) => T | Promise<T>,
): Promise<T & { versions: Record<string, number> }> {
  return getPrisma().$transaction(async (tx) => {
    const ctx = await findQuizContext(tx, { ref, userId })
    if (!ctx?.canEdit) throw new QuizNotFound()
    const { id } = await ensureDraft(tx, ctx)
    await tx.$queryRaw`SELECT 1 FROM "QuizDraft" WHERE "id" = ${id} FOR UPDATE`
    const row = await tx.quizDraft.findUniqueOrThrow({ where: { id }, select: draftSelect })
    const document = withExamPassMark(ctx, readQuizDraft(row))
    if (expect) {
      const version = document.versions[expect.item] ?? 0
      if (version !== expect.version) {
        const by = row.updatedById
          ? await tx.user.findUnique({ where: { id: row.updatedById }, select: { displayName: true } })
          : null
        throw new QuizDraftConflict({
          item: expect.item,
          version,
          updatedBy: by?.displayName ?? null,
          updatedAt: row.updatedAt,
        })
      }
    }
    const result = await change(document, ctx, tx)
    const versions = { ...document.versions }
    for (const item of result.bump) versions[item] = (versions[item] ?? 0) + 1
    await tx.quizDraft.update({
      where: { id },
      data: {
        settings: result.document.settings as Prisma.InputJsonObject,
        questions: result.document.questions as unknown as Prisma.InputJsonArray,
        confirmed: result.document.confirmed as Prisma.InputJsonObject,
        versions,
        version: { increment: 1 },
        updatedById: userId,
      },
    })
    await writeAudit(
      {
        actorId: userId,
        action: result.action,
        targetType: COURSE_TARGET,
        targetId: ctx.courseId,
        details: { quiz: ctx.moduleSlug ?? 'final-exam', ...result.details },
      },
      tx,
    )
    return { ...result, versions }
  })
}

/** Every question slug of the course, published or in a draft: a new question needs a free one. */
export async function courseQuestionSlugs(tx: Tx, courseId: string): Promise<Set<string>> {
  const [published, drafts] = await Promise.all([
    tx.question.findMany({ where: { quiz: { courseId } }, select: { slug: true } }),
    tx.quizDraft.findMany({ where: { courseId }, select: { questions: true } }),
  ])
  const slugs = new Set(published.map((question) => question.slug))
  for (const draft of drafts)
    for (const question of draft.questions as { slug?: unknown }[])
      if (typeof question.slug === 'string') slugs.add(question.slug)
  return slugs
}

/** Refuses a slug the course already uses; `QuestionSlugTaken` for the author's form. */
export async function requireFreeSlug(tx: Tx, courseId: string, slug: string) {
  if ((await courseQuestionSlugs(tx, courseId)).has(slug)) throw new QuestionSlugTaken()
}

/**
 * An uploaded package's quiz as the draft of an existing course's quiz (issue 15, ADR 027): its texts
 * confirmed as a whole, as an import's are; every item's version bumped so open editors see a conflict.
 */
export async function writeQuizDraftFromPackage(
  tx: Tx,
  { courseId, moduleId, quiz, userId }: { courseId: string; moduleId: string | null; quiz: Quiz; userId: string },
) {
  const { questions, ...settings } = quiz
  const existing = await tx.quizDraft.findFirst({
    where: draftWhere({ courseId, moduleId }),
    select: { id: true, versions: true, questions: true },
  })
  const oldVersions = (existing?.versions ?? {}) as Record<string, number>
  const items = new Set([
    'settings',
    ...Object.keys(oldVersions),
    ...questions.map((question: Question) => question.slug),
  ])
  const versions = Object.fromEntries([...items].map((item) => [item, (oldVersions[item] ?? 0) + 1]))
  const data = {
    settings: settings as Prisma.InputJsonObject,
    questions: questions as unknown as Prisma.InputJsonArray,
    confirmed: Object.fromEntries(questions.map((q) => [q.slug, confirmQuestion(q)])) as Prisma.InputJsonObject,
    versions,
    updatedById: userId,
  }
  if (existing) await tx.quizDraft.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
  else await tx.quizDraft.create({ data: { courseId, moduleId, ...data } })
}

export type { DraftQuestion }
