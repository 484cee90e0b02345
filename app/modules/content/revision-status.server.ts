import { z } from '~/utils/zod'
import type { Prisma } from '~/generated/prisma/client'
import { LOCALES, type Locale } from '~/i18n/config'
import { getPrisma } from '~/utils/db.server'

// What the reader says about the published revision (ADR 019): its date, and whether the language
// read was, when published, flagged out of date against another — and since when that other text
// reads as it does. Both are worked out at publish and kept in the revision, so a page view reads the
// latest revision alone. Imported-only modules have no revision.

type Db = Prisma.TransactionClient

/** An ISO date; absent (or unreadable) in revisions written before 2026-12-06. */
const since = z.string().pipe(z.coerce.date()).optional().catch(undefined)

/** Per language, what a revision records for the reader. */
const atRevision = z.partialRecord(
  z.enum(LOCALES),
  z.object({
    outOfDateAgainst: z.array(z.enum(LOCALES)).catch([]),
    since,
  }),
)
export type StatusAtRevision = z.infer<typeof atRevision>

/** The revision's `texts` as the reader needs them; nothing when unreadable, which shows no notice. */
export function statusAtRevision(texts: unknown): StatusAtRevision {
  const parsed = atRevision.safeParse(texts)
  return parsed.success ? parsed.data : {}
}

/**
 * When `other`'s text as published now was first published: the revision after the last one in which
 * it read differently. For a latest revision that does not record it (published before 2026-12-06).
 */
export async function textPublishedSince(
  { moduleId, other }: { moduleId: string; other: Locale },
  db: Db = getPrisma(),
) {
  const [row] = await db.$queryRaw<{ since: Date | null }[]>`
    WITH latest AS (
      SELECT r."texts"->${other} AS text FROM "ModuleRevision" r
      WHERE r."moduleId" = ${moduleId} ORDER BY r."number" DESC LIMIT 1
    ), changed AS (
      SELECT max(r."number") AS "number" FROM "ModuleRevision" r, latest l
      WHERE r."moduleId" = ${moduleId}
        AND (r."texts"->${other}->>'title' IS DISTINCT FROM l.text->>'title'
          OR r."texts"->${other}->>'markdown' IS DISTINCT FROM l.text->>'markdown')
    )
    SELECT min(r."publishedAt") AS "since" FROM "ModuleRevision" r, changed c
    WHERE r."moduleId" = ${moduleId} AND r."number" > coalesce(c."number", 0)`
  return row?.since ?? null
}

const latestTexts = z.partialRecord(z.enum(LOCALES), z.object({ title: z.string(), markdown: z.string(), since }))

/**
 * For a revision about to be written at `at`: per language, since when its text (title and body) reads
 * as it does — the latest revision's date for it when that revision has the same text, else `at`.
 */
export async function publishedSince(
  db: Db,
  { moduleId, texts, at }: { moduleId: string; texts: Record<Locale, { title: string; markdown: string }>; at: Date },
): Promise<Record<Locale, Date>> {
  const latest = await db.moduleRevision.findFirst({
    where: { moduleId },
    orderBy: { number: 'desc' },
    select: { texts: true },
  })
  const parsed = latestTexts.safeParse(latest?.texts)
  const before = parsed.success ? parsed.data : {}
  const dates = {} as Record<Locale, Date>
  for (const locale of LOCALES) {
    const previous = before[locale]
    const same = previous?.title === texts[locale].title && previous.markdown === texts[locale].markdown
    dates[locale] = same ? (previous.since ?? (await textPublishedSince({ moduleId, other: locale }, db)) ?? at) : at
  }
  return dates
}
