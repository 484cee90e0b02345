import { readLocalizedText } from '~/i18n/localized'
import { Prisma } from '~/generated/prisma/client'
import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { sha256 } from '~/modules/content/package-hash'
import { writeAudit } from '~/modules/audit/audit.server'
import { getPrisma } from '~/utils/db.server'
import { COURSE_TARGET } from './courses.server'
import { checkDraftFields } from './draft-checks.server'
import { DraftConflict, ModuleNotFound } from './errors'
import { editableModuleBySlugWhere, editableModuleWhere } from './scope.server'
import {
  confirmAll,
  confirmField,
  parseConfirmed,
  translationStatus,
  type Confirmed,
  type Field,
} from './translation-status'

// A module's draft (ADR 019): one row per locale, created from the published text on first open,
// saved under optimistic locking. Learners never read these rows; publishModule copies them.

const draftSelect = {
  locale: true,
  title: true,
  markdown: true,
  sourceHash: true,
  confirmed: true,
  version: true,
  updatedById: true,
  updatedAt: true,
} satisfies Prisma.ModuleDraftSelect

type DraftRow = Prisma.ModuleDraftGetPayload<{ select: typeof draftSelect }>
const toLocaleDraft = ({ confirmed, ...row }: DraftRow) => ({ ...row, confirmed: parseConfirmed(confirmed) })
export type LocaleDraft = ReturnType<typeof toLocaleDraft>

/** What learners read now, per locale ("" where a language is not published). */
async function readPublished({ moduleId }: { moduleId: string }) {
  const module = await getPrisma().module.findUnique({
    where: { id: moduleId },
    select: { title: true, contents: { select: { locale: true, markdown: true } } },
  })
  if (!module) throw new ModuleNotFound()
  return perLocale((locale) => ({
    title: readLocalizedText(module.title)[locale] ?? '',
    markdown: module.contents.find((content) => content.locale === locale)?.markdown ?? '',
  }))
}

/**
 * Creates the missing draft rows from what learners read now; concurrent first opens agree. Counting
 * first keeps the published bodies out of every save (they can be 200 KB each).
 */
/** Whether rows were missing (and are there now, made by this call or a concurrent one). */
async function ensureDrafts({ moduleId }: { moduleId: string }): Promise<boolean> {
  if ((await getPrisma().moduleDraft.count({ where: { moduleId } })) === LOCALES.length) return false
  const published = await readPublished({ moduleId })
  const confirmed = confirmAll(published)
  await getPrisma().moduleDraft.createMany({
    data: LOCALES.map((locale) => ({
      moduleId,
      locale,
      ...published[locale],
      sourceHash: sha256(published[locale].markdown),
      confirmed: confirmed[locale],
    })),
    skipDuplicates: true,
  })
  return true
}

async function readDrafts(moduleId: string) {
  const rows = await getPrisma().moduleDraft.findMany({ where: { moduleId }, select: draftSelect })
  return perLocale((locale) => {
    const row = rows.find((draft) => draft.locale === locale)
    if (!row) throw new Error(`module ${moduleId} has no ${locale} draft`)
    return toLocaleDraft(row)
  })
}

/** The draft of every locale with its translation status; created from the published text if new. */
export async function getModuleDraft({ moduleId }: { moduleId: string }) {
  await ensureDrafts({ moduleId })
  const texts = await readDrafts(moduleId)
  return { moduleId, texts, status: translationStatus(texts) }
}

/** A browser's textarea sends CRLF; one form of each text keeps hashes (and so statuses) stable. */
const normalise = (value: string | undefined) => value?.replace(/\r\n?/g, '\n')

/**
 * Saves one locale's fields if the draft is still at `baseVersion`, and returns it at its new version.
 * Refused, writing nothing: `DraftTooLarge`, `UnsafeMarkdown`, and `DraftConflict` (with the other
 * author's text) when someone saved since.
 */
export async function saveModuleDraft({
  moduleId,
  locale,
  fields,
  baseVersion,
  userId,
  editable,
}: {
  moduleId: string
  locale: Locale
  fields: { title?: string; markdown?: string }
  baseVersion: number
  userId: string
  /** The module as `requireEditable` found it, when the caller checked already (the autosave endpoint). */
  editable?: EditableModule
}): Promise<{ version: number; updatedAt: Date }> {
  const title = normalise(fields.title)
  const markdown = normalise(fields.markdown)
  // Whose it is first: an outsider's 200 KB are not parsed (and learn nothing from the checks).
  const module = editable ?? (await requireEditable({ moduleId, userId }))
  checkDraftFields({ locale, title, markdown })
  const write = () =>
    getPrisma().moduleDraft.update({
      where: { moduleId_locale: { moduleId, locale }, version: baseVersion },
      data: {
        ...(title !== undefined && { title }),
        ...(markdown !== undefined && { markdown, sourceHash: sha256(markdown) }),
        version: { increment: 1 },
        updatedById: userId,
      },
      // Only what the caller answers with: the text it just sent need not come back.
      select: { version: true, updatedAt: true },
    })
  let saved: { version: number; updatedAt: Date }
  try {
    saved = await write()
  } catch (error) {
    if (!isNoSuchRow(error)) throw error
    // The common save finds its row; only a module never opened in the studio needs its drafts made first.
    if (await ensureDrafts({ moduleId }))
      saved = await write().catch((retry: unknown) => conflictOr(retry, moduleId, locale))
    else return conflictOr(error, moduleId, locale)
  }
  await auditDraftSave({ userId, module, locale })
  return saved
}

const isNoSuchRow = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025'

/** A stale version: the DraftConflict with their text (anything else is rethrown). */
async function conflictOr(error: unknown, moduleId: string, locale: Locale): Promise<never> {
  if (!isNoSuchRow(error)) throw error
  const current = (await readDrafts(moduleId))[locale]
  const savedBy = current.updatedById
    ? await getPrisma().user.findUnique({ where: { id: current.updatedById }, select: { displayName: true } })
    : null
  throw new DraftConflict({
    locale,
    title: current.title,
    markdown: current.markdown,
    version: current.version,
    updatedBy: savedBy?.displayName ?? null,
    updatedAt: current.updatedAt,
  })
}

/** The module, if this user edits its course; its course and slug name it in the audit log. */
export async function requireEditable({ moduleId, userId }: { moduleId: string; userId: string }) {
  const module = await getPrisma().module.findFirst({
    where: editableModuleWhere({ moduleId, userId }),
    select: { id: true, courseId: true, slug: true },
  })
  if (!module) throw new ModuleNotFound()
  return module
}

export type EditableModule = Awaited<ReturnType<typeof requireEditable>>

/** The module at this address if this user edits its course, else null (the endpoint's 404). */
export function findEditableModule(where: { courseSlug: string; moduleSlug: string; userId: string }) {
  return getPrisma().module.findFirst({
    where: editableModuleBySlugWhere(where),
    select: { id: true, courseId: true, slug: true },
  })
}

/**
 * A module write in the audit log, filed under its course (where the studio's "last change" looks).
 * Pass the transaction of the write, so both land together.
 */
export function auditModuleWrite(
  {
    userId,
    module,
    action,
    details = {},
  }: {
    userId: string
    module: EditableModule
    action: string
    details?: Record<string, string | number>
  },
  db?: Parameters<typeof writeAudit>[1],
) {
  return writeAudit(
    {
      actorId: userId,
      action,
      targetType: COURSE_TARGET,
      targetId: module.courseId,
      details: { module: module.slug, ...details },
    },
    db,
  )
}

/**
 * Saves come every few seconds while an author types; the log keeps one entry per author, module and
 * language for each stretch of editing (a new one after `SAVE_AUDIT_WINDOW_MS` without one), and the
 * draft row itself the last saver and time (ADR 021).
 */
export const SAVE_AUDIT_WINDOW_MS = 10 * 60 * 1000

async function auditDraftSave({ userId, module, locale }: { userId: string; module: EditableModule; locale: Locale }) {
  const recent = await getPrisma().auditLog.findFirst({
    where: {
      targetType: COURSE_TARGET,
      targetId: module.courseId,
      at: { gte: new Date(Date.now() - SAVE_AUDIT_WINDOW_MS) },
      actorId: userId,
      action: 'studio.draft.saved',
      AND: [{ details: { path: ['module'], equals: module.slug } }, { details: { path: ['locale'], equals: locale } }],
    },
    select: { id: true },
  })
  if (!recent) await auditModuleWrite({ userId, module, action: 'studio.draft.saved', details: { locale } })
}

/** Puts the published text back into every locale's draft (a new version, so open editors notice). */
export async function discardDraft({ moduleId, userId }: { moduleId: string; userId: string }) {
  const module = await requireEditable({ moduleId, userId })
  await ensureDrafts({ moduleId })
  await writeTexts({ moduleId, userId, texts: await readPublished({ moduleId }) })
  await auditModuleWrite({ userId, module, action: 'studio.draft.discarded' })
}

/** Overwrites every locale's title and body, bumping each version; confirmations stay as they were. */
export async function writeTexts({
  moduleId,
  userId,
  texts,
}: {
  moduleId: string
  userId: string
  texts: Record<Locale, { title: string; markdown: string }>
}) {
  await getPrisma().$transaction(
    LOCALES.map((locale) =>
      getPrisma().moduleDraft.update({
        where: { moduleId_locale: { moduleId, locale } },
        data: {
          ...texts[locale],
          sourceHash: sha256(texts[locale].markdown),
          version: { increment: 1 },
          updatedById: userId,
        },
      }),
    ),
  )
}

/**
 * "Mark as up to date": this locale's field now matches the other locales' current text, and they
 * match it (ADR 019). No version bump: the texts did not change, so an open editor may keep saving.
 */
export async function markUpToDate({
  moduleId,
  locale,
  field,
  userId,
}: {
  moduleId: string
  locale: Locale
  field: Field
  userId: string
}) {
  const module = await requireEditable({ moduleId, userId })
  await ensureDrafts({ moduleId })
  await getPrisma().$transaction(async (tx) => {
    // Both rows locked: a save in between would otherwise be confirmed without anyone having read it.
    await tx.$queryRaw`SELECT 1 FROM "ModuleDraft" WHERE "moduleId" = ${moduleId} FOR UPDATE`
    const rows = await tx.moduleDraft.findMany({ where: { moduleId }, select: draftSelect })
    const texts = perLocale((each) => {
      const row = rows.find((draft) => draft.locale === each)
      return row ? toLocaleDraft(row) : { title: '', markdown: '', confirmed: parseConfirmed(null) }
    })
    const updated = confirmField(texts, locale, field)
    for (const target of LOCALES) {
      const confirmed: Confirmed | undefined = updated[target]
      if (confirmed)
        await tx.moduleDraft.update({ where: { moduleId_locale: { moduleId, locale: target } }, data: { confirmed } })
    }
    await auditModuleWrite({ userId, module, action: 'studio.draft.markedUpToDate', details: { locale, field } }, tx)
  })
  return getModuleDraft({ moduleId })
}
