import { z } from 'zod'
import { LOCALES, type Locale } from '~/i18n/config'
import { getPrisma } from '~/utils/db.server'

// What the reader says about the published revision (ADR 019): its date, and whether the language
// read was, when published, flagged out of date against another. Imported-only modules have no revision.

/** Per language, the locales it was out of date against at the revision (written at publish). */
const outOfDateByLocale = z.partialRecord(z.enum(LOCALES), z.array(z.enum(LOCALES)).catch([]))

/** The locales `locale` was out of date against at the revision; none when unreadable or unrecorded. */
export function outOfDateAtRevision(texts: unknown, locale: Locale): Locale[] {
  const parsed = outOfDateByLocale.safeParse(texts)
  return parsed.success ? (parsed.data[locale] ?? []) : []
}

/**
 * When `other`'s text as published now was first published: the revision after the last one in which
 * it read differently. Run only for a module whose notice shows.
 */
export async function textPublishedSince({ moduleId, other }: { moduleId: string; other: Locale }) {
  const [row] = await getPrisma().$queryRaw<{ since: Date | null }[]>`
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
