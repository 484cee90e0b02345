import type { Prisma } from '~/generated/prisma/client'
import { LOCALES, perLocale } from '~/i18n/config'
import { readLocalizedText } from '~/i18n/localized'
import { sha256 } from '~/modules/content/package-hash'
import { canonicalJson } from '~/modules/content/package-hash'
import type { CoursePackage, Quiz } from '~/modules/content/package.schema'
import {
  changedFields,
  courseDetailsSelect,
  draftDetails,
  publishedDetails,
  type CourseDetails,
} from './course-details'
import type { DetailsField } from './course.schema'
import { BODY_LIMIT_BYTES, TITLE_LIMIT_CHARS } from './limits'
import { incomingDetails, packageTexts } from './package-import.server'
import { draftQuiz, readQuizDraft } from './quiz-draft'
import { readPublishedQuiz } from './quiz-import.server'
import type { UploadProblem } from './package-upload-check.server'

// What importing a checked package would do (ADR 027), shown to the author before anything is written,
// and worked out again inside the import's transaction, which then does exactly that.

type Db = Prisma.TransactionClient
type Texts = ReturnType<typeof packageTexts>

export interface PlannedModule {
  slug: string
  title: Record<string, string>
}

export type UploadPlan =
  | { mode: 'new'; slug: string; title: Record<string, string>; modules: number; questions: number; media: number }
  | {
      mode: 'draft'
      slug: string
      title: Record<string, string>
      courseId: string
      /** Modules whose drafts become the package's text; `replacesDraft` when a draft had unpublished changes. */
      changed: (PlannedModule & { moduleId: string; texts: Texts; replacesDraft: boolean })[]
      /** Modules new to the course, added unpublished as the studio adds them. */
      added: (PlannedModule & { minutes: number; texts: Texts })[]
      /** The course's current modules the package lacks: left as they are. */
      missing: PlannedModule[]
      /** Figures new to the course. */
      media: string[]
      /** The course details whose draft the package changes, and the details it would have. */
      details: { fields: DetailsField[]; values: CourseDetails; courseStatus: string; hasDraft: boolean }
      /** Quizzes (by module slug; null: the final exam) whose draft becomes the package's. */
      quizzes: { module: string | null; title: Record<string, string> | null; quiz: Quiz }[]
    }

const moduleSelect = {
  id: true,
  slug: true,
  title: true,
  archivedAt: true,
  contents: { select: { locale: true, markdown: true } },
  drafts: { select: { locale: true, title: true, markdown: true } },
} satisfies Prisma.ModuleSelect

const courseSelect = {
  id: true,
  status: true,
  editors: { select: { userId: true } },
  media: { select: { name: true, sha256: true } },
  modules: { orderBy: { position: 'asc' }, select: moduleSelect },
  ...courseDetailsSelect,
} satisfies Prisma.CourseSelect

type StoredModule = Prisma.ModuleGetPayload<{ select: typeof moduleSelect }>

const sameTexts = (a: Texts, b: Texts) =>
  LOCALES.every((locale) => a[locale].title === b[locale].title && a[locale].markdown === b[locale].markdown)

function storedTexts(module: StoredModule) {
  const published = perLocale((locale) => ({
    title: readLocalizedText(module.title)[locale] ?? '',
    markdown: module.contents.find((content) => content.locale === locale)?.markdown ?? '',
  }))
  if (module.drafts.length === 0) return { published, draft: published }
  const draft = perLocale((locale) => {
    const row = module.drafts.find((each) => each.locale === locale)
    return { title: row?.title ?? '', markdown: row?.markdown ?? '' }
  })
  return { published, draft }
}

/** The plan for a package that passed the checks, or the problems that stop it here (course and limits). */
export async function planPackageUpload(
  db: Db,
  { pkg, userId }: { pkg: CoursePackage; userId: string },
): Promise<{ plan: UploadPlan | null; problems: UploadProblem[] }> {
  const problems = limitProblems(pkg)
  const { slug, title } = pkg.course
  const course = await db.course.findUnique({ where: { slug }, select: courseSelect })
  if (!course) {
    const questions = [pkg.finalExam, ...pkg.modules.map((module) => module.quiz)].reduce(
      (sum, quiz) => sum + (quiz?.questions.length ?? 0),
      0,
    )
    const plan = { mode: 'new' as const, slug, title, modules: pkg.modules.length, questions, media: pkg.media.length }
    return { plan: problems.length > 0 ? null : plan, problems }
  }
  // Into another author's course nothing is written: named, so the author knows why.
  if (!course.editors.some((editor) => editor.userId === userId))
    return { plan: null, problems: [...problems, courseProblem('course.yaml', 'courseNotEditable', { slug })] }

  const stored = new Map(course.media.map((file) => [file.name, file.sha256]))
  for (const file of pkg.media) {
    const hash = stored.get(file.name)
    // Learners would see other bytes under the name in modules published with the old ones (ADR 023).
    if (hash !== undefined && hash !== sha256(file.bytes))
      problems.push(courseProblem(`media/${file.name}`, 'mediaChanged', { name: file.name }))
  }
  if (problems.length > 0) return { plan: null, problems }
  const quizzes = await changedQuizzes(db, { pkg, courseId: course.id })
  return { plan: { ...draftPlan(pkg, course), quizzes }, problems }
}

/**
 * The package's quizzes that differ from what the studio has for them: the quiz's draft, or without one
 * what learners draw from. A quiz the package lacks is left alone.
 */
async function changedQuizzes(db: Db, { pkg, courseId }: { pkg: CoursePackage; courseId: string }) {
  const drafts = await db.quizDraft.findMany({
    where: { courseId },
    select: { module: { select: { slug: true } }, settings: true, questions: true, confirmed: true, versions: true },
  })
  const quizzes = [
    ...pkg.modules.map((module) => ({ module: module.meta.slug, title: module.meta.title, quiz: module.quiz })),
    { module: null, title: null, quiz: pkg.finalExam },
  ]
  const changed = []
  for (const { module, title, quiz } of quizzes) {
    if (!quiz) continue
    const draft = drafts.find((row) => (row.module?.slug ?? null) === module)
    const current = draft ? draftQuiz(readQuizDraft(draft)) : await readPublishedQuiz(db, { courseId, module })
    if (canonicalJson(current) !== canonicalJson(quiz)) changed.push({ module, title, quiz })
  }
  return changed
}

function draftPlan(
  pkg: CoursePackage,
  course: Prisma.CourseGetPayload<{ select: typeof courseSelect }>,
): Omit<Extract<UploadPlan, { mode: 'draft' }>, 'quizzes'> {
  const bySlug = new Map(course.modules.map((module) => [module.slug, module]))
  const changed = []
  const added = []
  for (const module of pkg.modules) {
    const texts = packageTexts(module)
    const current = bySlug.get(module.meta.slug)
    const item = { slug: module.meta.slug, title: module.meta.title }
    if (!current) {
      added.push({ ...item, minutes: module.meta.minutes, texts })
      continue
    }
    const { published, draft } = storedTexts(current)
    if (!sameTexts(texts, draft))
      changed.push({ ...item, moduleId: current.id, texts, replacesDraft: !sameTexts(draft, published) })
  }
  const inPackage = new Set(pkg.modules.map((module) => module.meta.slug))
  const missing = course.modules
    .filter((module) => module.archivedAt === null && !inPackage.has(module.slug))
    .map((module) => ({ slug: module.slug, title: readLocalizedText(module.title) }))
  const published = publishedDetails(course)
  const current = course.detailsDraft ? draftDetails(course.detailsDraft) : published
  const values = incomingDetails(pkg, published)
  const stored = new Set(course.media.map((file) => file.name))
  return {
    mode: 'draft',
    slug: pkg.course.slug,
    title: pkg.course.title,
    courseId: course.id,
    changed,
    added,
    missing,
    media: pkg.media.map((file) => file.name).filter((name) => !stored.has(name)),
    details: {
      fields: changedFields(values, current),
      values,
      courseStatus: course.status,
      hasDraft: course.detailsDraft !== null,
    },
  }
}

/** What a module's draft may hold (ADR 019): a text over it could be imported but never saved again. */
function limitProblems(pkg: CoursePackage): UploadProblem[] {
  const problems: UploadProblem[] = []
  for (const module of pkg.modules) {
    const folder = `modules/${module.folder}`
    for (const locale of LOCALES) {
      const body = module.bodies[locale]
      if (body !== undefined && Buffer.byteLength(body, 'utf8') > BODY_LIMIT_BYTES)
        problems.push(courseProblem(`${folder}/${locale}.md`, 'bodyTooLarge', { limit: BODY_LIMIT_BYTES / 1024 }))
      if ((module.meta.title[locale]?.length ?? 0) > TITLE_LIMIT_CHARS)
        problems.push({
          ...courseProblem(`${folder}/module.yaml`, 'titleTooLong', { limit: TITLE_LIMIT_CHARS }),
          path: `title.${locale}`,
        })
    }
  }
  return problems
}

const courseProblem = (file: string, code: string, params: UploadProblem['params']): UploadProblem => ({
  kind: 'course',
  file,
  path: '',
  severity: 'error',
  code,
  params,
})
