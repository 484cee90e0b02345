import { getPrisma } from '~/utils/db.server'
import { completeModule } from './completion.server'
import { withPercent, type CourseProgress } from './progress'

/*
 * Progress is one row per (learner, module). Every write is a single INSERT … ON CONFLICT, so two
 * requests at once (a double-clicked button, two tabs) end in the same single row, and the first
 * timestamps are never overwritten.
 */

/** Records that the learner opened the module: sets the first-opened time once, the last-opened each time. */
export async function recordModuleOpened({ userId, moduleId }: { userId: string; moduleId: string }) {
  await getPrisma().$executeRaw`
    INSERT INTO "ModuleProgress" ("userId", "moduleId") VALUES (${userId}, ${moduleId})
    ON CONFLICT ("userId", "moduleId") DO UPDATE SET "lastOpenedAt" = CURRENT_TIMESTAMP`
}

/**
 * Marks the module complete for an enrolled learner (the first completion time is kept) and
 * completes the enrolment when the course's rule is met. Returns false when the learner is not
 * enrolled in the module's course or the module is archived: nothing is written then.
 */
export async function markModuleComplete({ userId, moduleId }: { userId: string; moduleId: string }) {
  const result = await getPrisma().$transaction((tx) => completeModule(tx, { userId, moduleId }))
  return result.completed
}

/** Completed and current modules of one course for one learner, counted by the database. */
export async function getCourseProgress({
  userId,
  courseId,
}: {
  userId: string
  courseId: string
}): Promise<CourseProgress> {
  const [row] = await getPrisma().$queryRaw<{ total: number; completed: number }[]>`
    SELECT count(m."id")::int AS total, count(p."completedAt")::int AS completed
    FROM "Module" m
    LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = ${userId}
    WHERE m."courseId" = ${courseId} AND m."archivedAt" IS NULL`
  return withPercent(row ?? { total: 0, completed: 0 })
}

export interface LearnerCourse {
  courseId: string
  slug: string
  title: unknown
  enrolledAt: Date
  completedAt: Date | null
  lastOpenedAt: Date | null
  /** Set when a training coordinator assigned the course: by when it must be completed. */
  dueAt: Date | null
  assigned: boolean
  progress: CourseProgress
  /** The first module, in course order, that the learner has not completed; null when all are. */
  nextModule: { slug: string; title: unknown } | null
}

/** Every course the learner is enrolled in, most recently used first, with progress from one query. */
export async function listLearnerCourses({ userId }: { userId: string }): Promise<LearnerCourse[]> {
  const rows = await getPrisma().$queryRaw<
    (Omit<LearnerCourse, 'progress' | 'nextModule'> & {
      total: number
      completed: number
      nextModuleSlug: string | null
      nextModuleTitle: unknown
    })[]
  >`
    SELECT c."id" AS "courseId", c."slug", c."title", e."enrolledAt", e."completedAt", e."dueAt",
           e."assignedById" IS NOT NULL AS "assigned",
           stats."lastOpenedAt", stats."total", stats."completed", next."slug" AS "nextModuleSlug",
           next."title" AS "nextModuleTitle"
    FROM "Enrolment" e
    JOIN "Course" c ON c."id" = e."courseId"
    CROSS JOIN LATERAL (
      SELECT count(m."id")::int AS "total", count(p."completedAt")::int AS "completed",
             max(p."lastOpenedAt") AS "lastOpenedAt"
      FROM "Module" m
      LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = e."userId"
      WHERE m."courseId" = c."id" AND m."archivedAt" IS NULL
    ) stats
    LEFT JOIN LATERAL (
      SELECT m."slug", m."title" FROM "Module" m
      LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = e."userId"
      WHERE m."courseId" = c."id" AND m."archivedAt" IS NULL AND p."completedAt" IS NULL
      ORDER BY m."position" LIMIT 1
    ) next ON true
    WHERE e."userId" = ${userId}
    ORDER BY e."completedAt" IS NULL AND e."dueAt" IS NOT NULL DESC, e."dueAt",
             COALESCE(stats."lastOpenedAt", e."enrolledAt") DESC, c."slug"`
  return rows.map(({ total, completed, nextModuleSlug, nextModuleTitle, ...row }) => ({
    ...row,
    progress: withPercent({ total, completed }),
    nextModule: nextModuleSlug === null ? null : { slug: nextModuleSlug, title: nextModuleTitle },
  }))
}
