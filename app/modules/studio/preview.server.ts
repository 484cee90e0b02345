import type { Locale } from '~/i18n/config'
import { glossaryResolver, storedGlossary } from '~/modules/content/glossary.schema'
import { courseImageResolver, FIGURE_COLUMNS } from '~/modules/content/media'
import { renderModuleHtml } from '~/modules/content/render-markdown'
import { getPrisma } from '~/utils/db.server'
import { getModuleDraft } from './drafts.server'

/**
 * A module's draft in one language as the reader will show it once published (ADR 022): the body through
 * the renderer and the course's figures that publishing uses, the module among those learners would see
 * then (the current ones, and this one). Any author may look (reads are not scoped, ADR 019); nothing of
 * a learner's is read or written. Null for an unknown course or module.
 */
export async function getModulePreview({
  courseSlug,
  moduleSlug,
  locale,
}: {
  courseSlug: string
  moduleSlug: string
  locale: Locale
}) {
  const prisma = getPrisma()
  const module = await prisma.module.findFirst({
    where: { slug: moduleSlug, course: { slug: courseSlug } },
    select: {
      id: true,
      courseId: true,
      slug: true,
      position: true,
      minutes: true,
      archivedAt: true,
      course: {
        select: {
          slug: true,
          title: true,
          status: true,
          glossary: true,
          media: { select: FIGURE_COLUMNS },
        },
      },
      quiz: { select: { id: true } },
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { publishedAt: true } },
      contents: { select: { updatedAt: true } },
    },
  })
  if (!module) return null
  const [draft, shown] = await Promise.all([
    getModuleDraft({ moduleId: module.id }),
    prisma.module.findMany({
      where: { courseId: module.courseId, OR: [{ archivedAt: null }, { id: module.id }] },
      orderBy: { position: 'asc' },
      select: { slug: true, position: true, title: true },
    }),
  ])
  const { course } = module
  const { title, markdown } = draft.texts[locale]
  // The reader's neighbours: the nearest positions before and after (ties are neither).
  const previous = shown.filter((other) => other.position < module.position).at(-1) ?? null
  const next = shown.find((other) => other.position > module.position) ?? null
  return {
    module: { slug: module.slug, position: module.position, minutes: module.minutes, hasQuiz: module.quiz !== null },
    course: { slug: course.slug, title: course.title, status: course.status, moduleCount: shown.length },
    /** The draft's titles in every locale, for a heading when this one has none. */
    titles: Object.fromEntries(Object.entries(draft.texts).map(([each, text]) => [each, text.title])),
    title,
    html:
      markdown.trim() === ''
        ? null
        : renderModuleHtml({
            markdown,
            resolveImage: courseImageResolver({ courseSlug: course.slug, media: course.media }),
            glossaryHref: (term) =>
              glossaryResolver({ course: course.slug, terms: storedGlossary(course.glossary) })(locale, term),
          }),
    /** What learners read now: when it was published (a studio revision, else the import), if ever, and whether archived since. */
    published: publishedAt(module),
    archived: module.archivedAt !== null,
    previous: previous && { slug: previous.slug, title: previous.title },
    next: next && { slug: next.slug, title: next.title },
  }
}

function publishedAt({ revisions, contents }: { revisions: { publishedAt: Date }[]; contents: { updatedAt: Date }[] }) {
  if (contents.length === 0) return null
  return revisions[0]?.publishedAt ?? new Date(Math.max(...contents.map((content) => content.updatedAt.getTime())))
}
