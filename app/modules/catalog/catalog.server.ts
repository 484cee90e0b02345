import { getPrisma } from '~/utils/db.server'
import { withPercent, type CourseProgress } from '~/modules/progress/progress'

export type EnrolmentStatus = 'not-enrolled' | 'in-progress' | 'completed'

export interface CatalogueEntry {
  id: string
  slug: string
  category: string
  title: unknown
  summary: unknown
  moduleCount: number
  minutes: number
  status: EnrolmentStatus
  progress: CourseProgress | null
}

/**
 * The published courses with their size and, for a signed-in user, their own status — one query,
 * counted by the database.
 */
export async function listCatalogue({ userId }: { userId: string | null }): Promise<CatalogueEntry[]> {
  const rows = await getPrisma().$queryRaw<
    (Omit<CatalogueEntry, 'status' | 'progress'> & {
      enrolled: boolean
      completedAt: Date | null
      completed: number
    })[]
  >`
    SELECT c."id", c."slug", c."category", c."title", c."summary",
           count(m."id")::int AS "moduleCount", COALESCE(sum(m."minutes"), 0)::int AS "minutes",
           (e."id" IS NOT NULL) AS "enrolled", e."completedAt",
           count(p."completedAt")::int AS "completed"
    FROM "Course" c
    LEFT JOIN "Module" m ON m."courseId" = c."id" AND m."archivedAt" IS NULL
    LEFT JOIN "Enrolment" e ON e."courseId" = c."id" AND e."userId" = ${userId}
    LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = e."userId"
    WHERE c."status" = 'PUBLISHED'
    GROUP BY c."id", e."id"
    ORDER BY c."category", c."slug"`
  return rows.map(({ enrolled, completedAt, completed, ...course }) => ({
    ...course,
    status: statusOf({ enrolled, completedAt }),
    progress: enrolled ? withPercent({ total: course.moduleCount, completed }) : null,
  }))
}

function statusOf({ enrolled, completedAt }: { enrolled: boolean; completedAt: Date | null }): EnrolmentStatus {
  if (!enrolled) return 'not-enrolled'
  return completedAt ? 'completed' : 'in-progress'
}

export interface CourseOverview {
  id: string
  slug: string
  category: string
  version: number
  title: unknown
  summary: unknown
  objectives: unknown
  finalExamRule: string
  hasFinalExam: boolean
  enrolment: { enrolledAt: Date; completedAt: Date | null } | null
  modules: {
    slug: string
    position: number
    title: unknown
    minutes: number
    openedAt: Date | null
    completedAt: Date | null
  }[]
}

/**
 * A published course (or any course the user is enrolled in, so an archived course stays readable
 * for those who started it) with its current modules and the user's own progress on each.
 */
export async function getCourseOverview({ slug, userId }: { slug: string; userId: string | null }) {
  const course = await getPrisma().course.findFirst({
    where: {
      slug,
      // A draft is the studio's, whoever is enrolled (no learner can be, but a row must not open it).
      status: { not: 'DRAFT' },
      OR: [{ status: 'PUBLISHED' }, ...(userId ? [{ enrolments: { some: { userId } } }] : [])],
    },
    select: {
      id: true,
      slug: true,
      category: true,
      version: true,
      title: true,
      summary: true,
      objectives: true,
      finalExamRule: true,
      quizzes: { where: { kind: 'FINAL_EXAM' }, select: { id: true } },
      enrolments: { where: { userId: userId ?? '' }, select: { enrolledAt: true, completedAt: true } },
      modules: {
        where: { archivedAt: null },
        orderBy: { position: 'asc' },
        select: {
          slug: true,
          position: true,
          title: true,
          minutes: true,
          progress: { where: { userId: userId ?? '' }, select: { firstOpenedAt: true, completedAt: true } },
        },
      },
    },
  })
  if (!course) return null
  const { enrolments, modules, quizzes, ...rest } = course
  return {
    ...rest,
    hasFinalExam: quizzes.length > 0,
    enrolment: enrolments[0] ?? null,
    modules: modules.map(({ progress, ...module }) => ({
      ...module,
      openedAt: progress[0]?.firstOpenedAt ?? null,
      completedAt: progress[0]?.completedAt ?? null,
    })),
  } satisfies CourseOverview
}

/** Enrols the user in a published course; enrolling twice is harmless. False when there is no such course. */
export async function enrolInCourse({ userId, courseId }: { userId: string; courseId: string }) {
  const written = await getPrisma().$executeRaw`
    INSERT INTO "Enrolment" ("id", "userId", "courseId")
    SELECT ${crypto.randomUUID()}, ${userId}, c."id" FROM "Course" c
    WHERE c."id" = ${courseId} AND c."status" = 'PUBLISHED'
    ON CONFLICT ("userId", "courseId") DO NOTHING`
  if (written > 0) return true
  return (await getPrisma().enrolment.count({ where: { userId, courseId } })) > 0
}
