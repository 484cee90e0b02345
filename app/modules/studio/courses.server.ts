import { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import { languageStates, outOfDateCounts } from './completeness'
import {
  describeDetails,
  courseDetailsSelect,
  detailsStatus,
  outOfDateDetails,
  parseDetailsConfirmed,
  readLists,
  readTexts,
} from './course-details'
import { outOfDateByModule } from './draft-status.server'
import type { CourseMetadata, CreateCourseInput } from './course.schema'

/**
 * Studio writes are logged with the course as their target (`targetType: 'Course'`), changes to a
 * course's parts included (the part goes in `details`): a course's newest entry is its last change.
 */
export const COURSE_TARGET = 'Course'

/** 'import' when the newest entry is the importer's (it has no actor), or when the course has none at all. */
export interface LastChange {
  at: Date
  source: 'studio' | 'import'
  /** The author's name; null for an import, or an entry whose author is gone. */
  by: string | null
}

/**
 * Every course, drafts included, as an author sees them; `canEdit` when the user is one of its editors.
 * Three queries whatever the number of courses and modules: courses, last changes, drafts' status.
 */
export async function listStudioCourses({ userId }: { userId: string }) {
  const prisma = getPrisma()
  const [courses, changes, outOfDate] = await Promise.all([
    prisma.course.findMany({
      orderBy: [{ status: 'asc' }, { slug: 'asc' }],
      select: {
        id: true,
        slug: true,
        status: true,
        title: true,
        summary: true,
        updatedAt: true,
        editors: { where: { userId }, select: { userId: true } },
        detailsDraft: { select: { title: true, summary: true, objectives: true, confirmed: true } },
        modules: {
          where: { archivedAt: null },
          select: { id: true, title: true, contents: { where: { markdown: { not: '' } }, select: { locale: true } } },
        },
      },
    }),
    lastChanges(),
    outOfDateByModule({}),
  ])
  return courses.map(({ id, editors, modules, updatedAt, detailsDraft, ...course }) => {
    const texts = modules.map((module) => ({
      title: module.title,
      bodyLocales: module.contents.map((content) => content.locale),
      outOfDate: outOfDate.get(module.id) ?? [],
    }))
    const details = detailsDraft ? draftTextsOutOfDate(detailsDraft) : []
    return {
      ...course,
      canEdit: editors.length > 0,
      languages: languageStates({ title: course.title, summary: course.summary, modules: texts, details }),
      outOfDate: outOfDateCounts(texts),
      /** The languages whose course title or summary draft is out of date (ADR 024). */
      detailsOutOfDate: details,
      lastChange: changes.get(id) ?? { at: updatedAt, source: 'import' as const, by: null },
    }
  })
}

/** The newest entry of each course, the studio's or an import's, with its author's name (read from the audit index). */
async function lastChanges() {
  const rows = await getPrisma().$queryRaw<{ courseId: string; at: Date; actorId: string | null; by: string | null }[]>`
    SELECT c."id" AS "courseId", a."at", a."actorId", u."displayName" AS "by"
    FROM "Course" c
    CROSS JOIN LATERAL (
      SELECT a."at", a."actorId" FROM "AuditLog" a
      WHERE a."targetType" = ${COURSE_TARGET} AND a."targetId" = c."id"
      ORDER BY a."at" DESC LIMIT 1
    ) a
    LEFT JOIN "User" u ON u."id" = a."actorId"`
  return new Map<string, LastChange>(
    rows.map((row) => [row.courseId, { at: row.at, source: row.actorId === null ? 'import' : 'studio', by: row.by }]),
  )
}

/** One course's studio page: any author may look at it; `canEdit` says whether this one may change it. */
export async function getStudioCourse({ slug, userId }: { slug: string; userId: string }) {
  const course = await getPrisma().course.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      ...courseDetailsSelect,
      modules: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          slug: true,
          position: true,
          title: true,
          archivedAt: true,
          _count: { select: { contents: true } },
        },
      },
      editors: {
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true, user: { select: { id: true, displayName: true, email: true } } },
      },
    },
  })
  if (!course) return null
  const { editors, modules, id, status, detailsDraft } = course
  const [outOfDate, updatedBy] = await Promise.all([
    outOfDateByModule({ courseId: id }),
    detailsDraft?.updatedById
      ? getPrisma().user.findUnique({ where: { id: detailsDraft.updatedById }, select: { displayName: true } })
      : null,
  ])
  return {
    id,
    slug: course.slug,
    status,
    details: {
      ...describeDetails(course),
      finalExam: course.quizzes.length > 0,
      updatedAt: detailsDraft?.updatedAt ?? null,
      updatedBy: updatedBy?.displayName ?? null,
    },
    modules: modules.map((module) => ({ ...module, outOfDate: outOfDate.get(module.id) ?? [] })),
    editors: editors.map(({ user, createdAt }) => ({ ...user, since: createdAt })),
    canEdit: editors.some((editor) => editor.user.id === userId),
  }
}

/** The languages whose title, summary or objectives are out of date in a course's details draft, for the list. */
function draftTextsOutOfDate(draft: { title: unknown; summary: unknown; objectives: unknown; confirmed: unknown }) {
  const texts = {
    title: readTexts(draft.title),
    summary: readTexts(draft.summary),
    objectives: readLists(draft.objectives),
  }
  return outOfDateDetails(detailsStatus({ ...texts, ...NO_STRUCTURE }, parseDetailsConfirmed(draft.confirmed)))
}
const NO_STRUCTURE = { category: '', certificateValidityMonths: null, passMark: null }

export type CreateCourseResult = { status: 'created'; slug: string } | { status: 'slug-taken' }

/**
 * A new course is a draft, its creator its first editor. Its final exam exists from the start, with
 * no questions yet, so the pass mark has a home; how many questions an attempt draws is the quiz
 * editor's to set (10 until then).
 */
export async function createCourse({
  actorId,
  input,
}: {
  actorId: string
  input: CreateCourseInput
}): Promise<CreateCourseResult> {
  try {
    return await getPrisma().$transaction(async (tx) => {
      const course = await tx.course.create({
        data: {
          slug: input.slug,
          status: 'DRAFT',
          ...courseFields(input),
          version: 1,
          objectives: {},
          finalExamRule: 'required',
          // Never imported: no package hash matches it, so an import of the same slug is a change.
          packageHash: '',
          editors: { create: { userId: actorId } },
          quizzes: {
            create: {
              kind: 'FINAL_EXAM',
              passMark: input.passMark,
              questionsPerAttempt: 10,
              shuffleQuestions: true,
              shuffleOptions: true,
              review: 'after-attempt',
            },
          },
        },
        select: { id: true, slug: true },
      })
      await writeAudit(
        {
          actorId,
          action: 'studio.course.created',
          targetType: COURSE_TARGET,
          targetId: course.id,
          details: { slug: course.slug },
        },
        tx,
      )
      return { status: 'created' as const, slug: course.slug }
    })
  } catch (error) {
    // The unique slug is the guard: two authors creating the same slug at once get one course.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { status: 'slug-taken' }
    throw error
  }
}

function courseFields(input: CourseMetadata) {
  return {
    category: input.category,
    title: input.title,
    summary: input.summary,
    certificateValidityMonths: input.certificateValidityMonths ?? null,
  }
}
