import { z } from 'zod'
import { LOCALES, type Locale } from '~/i18n/config'
import { sha256 } from '~/modules/content/package-hash'
import { outOfDateAgainst, perLocale, FIELDS, type HashedTexts } from '~/modules/studio/translation-status'
import { getPrisma } from '~/utils/db.server'

// What the reader says about the published revision (ADR 019): its date, and whether the language
// read was, when published, flagged out of date against another. Imported-only modules have no revision.

const hashes = z.record(z.string(), z.unknown()).catch({})
const localeTexts = z.object({
  title: z.string(),
  bodyHash: z.string(),
  bodyMissing: z.boolean(),
  confirmed: z.object({ title: hashes, body: hashes }).partial().catch({}),
})
const revisionTexts = z.partialRecord(z.enum(LOCALES), localeTexts)

const stringsOnly = (value: Record<string, unknown> | undefined): Partial<Record<Locale, string>> =>
  Object.fromEntries(
    Object.entries(value ?? {}).flatMap(([locale, hash]) => (typeof hash === 'string' ? [[locale, hash]] : [])),
  )

/**
 * The locales `locale` was out of date against at the revision, from the reader query's `revisionTexts`
 * (titles, body hashes, confirmed hashes); none when they are unreadable.
 */
export function outOfDateAtRevision(texts: unknown, locale: Locale): Locale[] {
  const parsed = revisionTexts.safeParse(texts)
  if (!parsed.success) return []
  const hashed: HashedTexts = perLocale((each) => {
    const text = parsed.data[each]
    if (!text) return { title: nothing, body: nothing }
    return {
      title: {
        missing: text.title.trim() === '',
        hash: sha256(text.title),
        confirmed: stringsOnly(text.confirmed.title),
      },
      body: { missing: text.bodyMissing, hash: text.bodyHash, confirmed: stringsOnly(text.confirmed.body) },
    }
  })
  return LOCALES.filter((other) => FIELDS.some((field) => outOfDateAgainst(hashed, locale, field).includes(other)))
}
const nothing = { missing: true, hash: '', confirmed: {} }

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
