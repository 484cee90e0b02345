import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { sha256 } from '~/modules/content/package-hash'
import { getPrisma } from '~/utils/db.server'
import { outOfDateLocales, type Field, type HashedField, type HashedTexts } from './translation-status'

interface DraftHashRow {
  moduleId: string
  locale: string
  title: string
  bodyHash: string
  bodyMissing: boolean
  /** `{ title: { ru: "<hash>" }, body: … }`, read out of `confirmed` without the texts it also keeps. */
  hashes: Partial<Record<Field, Record<string, unknown>>> | null
}

/**
 * The locales out of date in each current module (of one course, or of all) that has drafts, in one
 * query: the drafts' bodies and the confirmed texts (up to 200 KB each) stay in the database, only
 * hashes come back. A module never opened in the studio has no drafts and is up to date (what was
 * imported).
 */
export async function outOfDateByModule({ courseId }: { courseId?: string }): Promise<Map<string, Locale[]>> {
  const rows = await getPrisma().$queryRaw<DraftHashRow[]>`
    SELECT d."moduleId", d."locale", d."title", d."sourceHash" AS "bodyHash",
           d."markdown" ~ '^\\s*$' AS "bodyMissing",
           (SELECT jsonb_object_agg(f.key, (
              SELECT coalesce(jsonb_object_agg(o.key, o.value->'hash'), '{}'::jsonb)
              FROM jsonb_each(CASE jsonb_typeof(f.value) WHEN 'object' THEN f.value ELSE '{}'::jsonb END) o))
            FROM jsonb_each(CASE jsonb_typeof(d."confirmed") WHEN 'object' THEN d."confirmed" ELSE '{}'::jsonb END) f
           ) AS "hashes"
    FROM "ModuleDraft" d
    JOIN "Module" m ON m."id" = d."moduleId"
    WHERE m."archivedAt" IS NULL AND (${courseId ?? null}::text IS NULL OR m."courseId" = ${courseId ?? null})`
  const byModule = new Map<string, DraftHashRow[]>()
  for (const row of rows) byModule.set(row.moduleId, [...(byModule.get(row.moduleId) ?? []), row])
  const result = new Map<string, Locale[]>()
  for (const [moduleId, drafts] of byModule) {
    const texts = hashedTexts(drafts)
    if (texts) result.set(moduleId, outOfDateLocales(texts))
  }
  return result
}

function hashedTexts(drafts: DraftHashRow[]): HashedTexts | null {
  const rows = new Map(drafts.map((row) => [row.locale, row]))
  // Drafts are created for every locale at once; a module without them all was never opened.
  if (LOCALES.some((locale) => !rows.has(locale))) return null
  return perLocale((locale) => {
    const row = rows.get(locale)
    if (!row) throw new Error(`no ${locale} draft`) // checked above
    return {
      title: { missing: row.title.trim() === '', hash: sha256(row.title), confirmed: hashesOf(row, 'title') },
      body: { missing: row.bodyMissing, hash: row.bodyHash, confirmed: hashesOf(row, 'body') },
    }
  })
}

function hashesOf(row: DraftHashRow, field: Field): HashedField['confirmed'] {
  const entries = Object.entries(row.hashes?.[field] ?? {})
  return Object.fromEntries(entries.flatMap(([locale, hash]) => (typeof hash === 'string' ? [[locale, hash]] : [])))
}
