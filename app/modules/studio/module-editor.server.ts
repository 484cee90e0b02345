import { readLocalizedText } from '~/i18n/localized'
import { LOCALES, perLocale } from '~/i18n/config'
import { FIGURE_COLUMNS, figureOf } from '~/modules/content/media'
import { getPrisma } from '~/utils/db.server'
import { getModuleDraft } from './drafts.server'
import { RevisionNotFound } from './errors'
import { diffRevision, listRevisions } from './revisions.server'
import { FIELDS, fieldText, type DraftTexts, type Field, type TranslationStatus } from './translation-status'
import { wordDiff } from './word-diff'

// What the module editor shows (ADR 021): the draft of every language with its status, what changed in
// the other language since a translation was confirmed, the history, and one revision compared.

/**
 * The module of this course with everything its editor page needs, or null when there is none. Any
 * author may open it (ADR 018); `canEdit` says whether this one may change it.
 */
export async function getModuleEditor({
  courseSlug,
  moduleSlug,
  userId,
  compareWith,
}: {
  courseSlug: string
  moduleSlug: string
  userId: string
  /** A revision id to compare the draft with; an unknown one is RevisionNotFound. */
  compareWith?: string
}) {
  const module = await getPrisma().module.findFirst({
    where: { slug: moduleSlug, course: { slug: courseSlug } },
    select: {
      id: true,
      slug: true,
      position: true,
      minutes: true,
      archivedAt: true,
      _count: { select: { contents: true } },
      course: {
        select: {
          slug: true,
          title: true,
          status: true,
          editors: { where: { userId }, select: { userId: true } },
          media: { orderBy: { name: 'asc' }, select: FIGURE_COLUMNS },
        },
      },
    },
  })
  if (!module) return null
  const { course, _count, ...rest } = module
  const draft = await getModuleDraft({ moduleId: module.id })
  const [revisions, savers, comparison] = await Promise.all([
    listRevisions({ moduleId: module.id }),
    displayNames(LOCALES.flatMap((locale) => draft.texts[locale].updatedById ?? [])),
    compareWith ? compareRevision(module.id, compareWith) : null,
  ])
  return {
    module: { ...rest, published: _count.contents > 0 },
    course: { slug: course.slug, title: readLocalizedText(course.title), status: course.status },
    canEdit: course.editors.length > 0,
    drafts: perLocale((locale) => {
      const { title, markdown, version, updatedAt, updatedById } = draft.texts[locale]
      return { title, markdown, version, updatedAt, updatedBy: savers.get(updatedById ?? '') ?? null }
    }),
    status: draft.status,
    sourceChanges: sourceChanges(draft.texts, draft.status),
    // With each figure's size, so the live preview lays figures out as the published page does (ADR 035).
    media: course.media.map((file) => ({ name: file.name, ...figureOf({ courseSlug: course.slug, ...file }) })),
    revisions,
    comparison,
  }
}

export type ModuleEditor = NonNullable<Awaited<ReturnType<typeof getModuleEditor>>>

async function compareRevision(moduleId: string, revisionId: string) {
  const revision = await getPrisma().moduleRevision.findFirst({
    where: { id: revisionId, moduleId },
    select: { id: true, number: true },
  })
  if (!revision) throw new RevisionNotFound()
  return { revision, diff: await diffRevision({ moduleId, revisionId }) }
}

/**
 * For each field out of date: what changed in the language it was translated from since the
 * translation was last confirmed, as a word diff — what the translator has to carry over.
 */
function sourceChanges(texts: DraftTexts, status: TranslationStatus) {
  return perLocale(
    (locale) =>
      Object.fromEntries(
        FIELDS.flatMap((field: Field) => {
          const [source] = status[field][locale].outOfDateAgainst
          if (!source) return []
          const before = texts[locale].confirmed[field][source]?.text ?? ''
          const change = { source, parts: wordDiff({ before, after: fieldText(texts[source], field), locale: source }) }
          return [[field, change]]
        }),
      ) as Partial<Record<Field, { source: (typeof LOCALES)[number]; parts: ReturnType<typeof wordDiff> }>>,
  )
}

async function displayNames(ids: string[]) {
  const users = await getPrisma().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  })
  return new Map(users.map((user) => [user.id, user.displayName]))
}

/** The id of a course's module by their slugs, for the editor's writes (each checks the editor itself). */
export async function findModuleId({ courseSlug, moduleSlug }: { courseSlug: string; moduleSlug: string }) {
  const module = await getPrisma().module.findFirst({
    where: { slug: moduleSlug, course: { slug: courseSlug } },
    select: { id: true },
  })
  return module?.id ?? null
}
