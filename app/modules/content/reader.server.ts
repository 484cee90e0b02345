import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/config'
import { withPercent } from '~/modules/progress/progress'
import { getPrisma } from '~/utils/db.server'
import { getModuleHtml } from './module-html.server'
import { moduleJobAids } from './job-aid.schema'
import { storedReferences } from './package.schema'
import { statusAtRevision, textPublishedSince } from './revision-status.server'

interface ReaderRow {
  id: string
  slug: string
  position: number
  title: unknown
  minutes: number
  references: unknown
  hasGlossary: boolean
  jobAids: unknown
  courseId: string
  courseSlug: string
  courseTitle: unknown
  enrolled: boolean
  hasQuiz: boolean
  hasFinalExam: boolean
  contentLocale: string | null
  sourceHash: string | null
  completedAt: Date | null
  lastOpenedAt: Date | null
  total: number
  completed: number
  previousSlug: string | null
  previousTitle: unknown
  nextSlug: string | null
  nextTitle: unknown
  revisionAt: Date | null
  revisionTexts: unknown
}

/**
 * Everything the module page shows, in one query — the page is the one learners load most: the
 * module, its body in the reader's language (else the default language, else any), the neighbours in
 * course order, the learner's enrolment and progress, and the course percentage. The body is only
 * read for an enrolled learner, from a cache keyed by its hash. Archived modules and unpublished
 * courses are not found unless the learner is enrolled, so someone who started a course can always
 * finish reading it.
 */
export async function getModuleForReader({
  courseSlug,
  moduleSlug,
  locale,
  userId,
}: {
  courseSlug: string
  moduleSlug: string
  locale: Locale
  userId: string
}) {
  const [row] = await getPrisma().$queryRaw<ReaderRow[]>`
    WITH target AS (
      SELECT m."id", m."slug", m."position", m."title", m."minutes", m."references", m."courseId",
             (jsonb_array_length(c."glossary") > 0) AS "hasGlossary",
             (SELECT coalesce(jsonb_agg(jsonb_build_object('slug', a->'slug', 'title', a->'title')), '[]'::jsonb)
              FROM jsonb_array_elements(c."jobAids") a
              WHERE a->'modules' @> jsonb_build_array(m."slug")) AS "jobAids",
             c."slug" AS "courseSlug", c."title" AS "courseTitle",
             (e."id" IS NOT NULL) AS "enrolled",
             EXISTS (SELECT 1 FROM "Quiz" q WHERE q."moduleId" = m."id") AS "hasQuiz",
             EXISTS (SELECT 1 FROM "Quiz" q WHERE q."courseId" = c."id" AND q."kind" = 'FINAL_EXAM') AS "hasFinalExam"
      FROM "Module" m
      JOIN "Course" c ON c."id" = m."courseId"
      LEFT JOIN "Enrolment" e ON e."courseId" = c."id" AND e."userId" = ${userId}
      WHERE c."slug" = ${courseSlug} AND m."slug" = ${moduleSlug} AND m."archivedAt" IS NULL
        AND (c."status" = 'PUBLISHED' OR (c."status" = 'ARCHIVED' AND e."id" IS NOT NULL))
    )
    SELECT t.*, body."locale" AS "contentLocale", body."sourceHash", p."completedAt", p."lastOpenedAt",
           stats."total", stats."completed",
           prev."slug" AS "previousSlug", prev."title" AS "previousTitle",
           next."slug" AS "nextSlug", next."title" AS "nextTitle",
           rev."publishedAt" AS "revisionAt", rev."texts" AS "revisionTexts"
    FROM target t
    LEFT JOIN "ModuleProgress" p ON p."moduleId" = t."id" AND p."userId" = ${userId}
    LEFT JOIN LATERAL (
      SELECT b."locale", b."sourceHash" FROM "ModuleContent" b
      WHERE b."moduleId" = t."id" AND t."enrolled"
      ORDER BY (b."locale" = ${locale}) DESC, (b."locale" = ${DEFAULT_LOCALE}) DESC, b."locale"
      LIMIT 1
    ) body ON true
    CROSS JOIN LATERAL (
      SELECT count(m."id")::int AS "total", count(mp."completedAt")::int AS "completed"
      FROM "Module" m
      LEFT JOIN "ModuleProgress" mp ON mp."moduleId" = m."id" AND mp."userId" = ${userId}
      WHERE m."courseId" = t."courseId" AND m."archivedAt" IS NULL
    ) stats
    LEFT JOIN LATERAL (
      SELECT m."slug", m."title" FROM "Module" m
      WHERE m."courseId" = t."courseId" AND m."archivedAt" IS NULL AND m."position" < t."position"
      ORDER BY m."position" DESC LIMIT 1
    ) prev ON true
    LEFT JOIN LATERAL (
      SELECT m."slug", m."title" FROM "Module" m
      WHERE m."courseId" = t."courseId" AND m."archivedAt" IS NULL AND m."position" > t."position"
      ORDER BY m."position" LIMIT 1
    ) next ON true
    LEFT JOIN LATERAL (
      -- The published revision: its date, and per language the others it was out of date against then
      -- and since when its text reads as it does (the bodies stay in the database).
      SELECT r."publishedAt",
             (SELECT jsonb_object_agg(x.key, jsonb_build_object('outOfDateAgainst', x.value->'outOfDateAgainst',
                                                                'since', x.value->'since'))
              FROM jsonb_each(r."texts") x) AS "texts"
      FROM "ModuleRevision" r
      WHERE r."moduleId" = t."id" AND t."enrolled"
      ORDER BY r."number" DESC LIMIT 1
    ) rev ON true`
  if (!row) return null
  const html =
    row.contentLocale === null || row.sourceHash === null
      ? null
      : await getModuleHtml({ moduleId: row.id, locale: row.contentLocale, sourceHash: row.sourceHash })
  return {
    revision: row.contentLocale === null ? null : await revisionStatus(row, row.contentLocale),
    module: {
      id: row.id,
      slug: row.slug,
      position: row.position,
      title: row.title,
      minutes: row.minutes,
      references: storedReferences(row.references),
      jobAids: moduleJobAids(row.jobAids),
    },
    course: {
      id: row.courseId,
      slug: row.courseSlug,
      title: row.courseTitle,
      moduleCount: row.total,
      hasGlossary: row.hasGlossary,
    },
    enrolled: row.enrolled,
    hasQuiz: row.hasQuiz,
    hasFinalExam: row.hasFinalExam,
    content:
      html === null || row.contentLocale === null
        ? null
        : { html, locale: row.contentLocale, fallback: row.contentLocale !== locale },
    completedAt: row.completedAt,
    lastOpenedAt: row.lastOpenedAt,
    progress: withPercent(row),
    previous: row.previousSlug === null ? null : { slug: row.previousSlug, title: row.previousTitle },
    next: row.nextSlug === null ? null : { slug: row.nextSlug, title: row.nextTitle },
  }
}

/**
 * The published revision's date and, when the body's language was out of date against another at
 * that revision, since when that other text reads as it does: recorded in the revision, else (one
 * published before that was recorded) worked out from the history. Null for a module never published
 * from the studio (imported only).
 */
async function revisionStatus(row: ReaderRow, contentLocale: string) {
  if (row.revisionAt === null || !isLocale(contentLocale)) return null
  const atRevision = statusAtRevision(row.revisionTexts)
  const [other] = atRevision[contentLocale]?.outOfDateAgainst ?? []
  if (!other) return { publishedAt: row.revisionAt, outOfDate: null }
  const since = atRevision[other]?.since ?? (await textPublishedSince({ moduleId: row.id, other })) ?? row.revisionAt
  return { publishedAt: row.revisionAt, outOfDate: { against: other, since } }
}
