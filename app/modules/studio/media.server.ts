import { Prisma } from '~/generated/prisma/client'
import { readLocalizedText } from '~/i18n/localized'
import { writeAudit } from '~/modules/audit/audit.server'
import { mediaUrl } from '~/modules/content/media'
import { mediaFileColumns } from '~/modules/content/media.server'
import { getPrisma } from '~/utils/db.server'
import { COURSE_TARGET } from './courses.server'
import { readMediaContent, type ContentProblem } from './media-content.server'
import { mediaFileName, mediaSnippet, type MediaKind } from './media-file'
import type { MediaUpload } from './media.schema'
import { perLocale } from '~/i18n/config'
import { findMediaUses, type MediaUse } from './media-uses.server'

// A course's media in the studio (ADR 023): any author may look; its editors upload and delete, each
// write finding the course through the editor list in its own `where`, so anyone else's matches nothing.

type Db = Pick<Prisma.TransactionClient, 'course'>

const editable = (courseSlug: string, userId: string) => ({ slug: courseSlug, editors: { some: { userId } } })
const findEditableCourse = (db: Db, courseSlug: string, userId: string) =>
  db.course.findFirst({ where: editable(courseSlug, userId), select: { id: true } })

/** The course's files with where they are used and the snippet to paste in each language; null: no such course. */
export async function listCourseMedia({ courseSlug, userId }: { courseSlug: string; userId: string }) {
  const prisma = getPrisma()
  const course = await prisma.course.findUnique({
    where: { slug: courseSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      editors: { where: { userId }, select: { userId: true } },
      media: {
        orderBy: { name: 'asc' },
        select: {
          name: true,
          contentType: true,
          size: true,
          sha256: true,
          alt: true,
          caption: true,
          uploadedById: true,
          updatedAt: true,
        },
      },
    },
  })
  if (!course) return null
  const [uses, uploaders] = await Promise.all([
    findMediaUses(prisma, course.id),
    prisma.user.findMany({
      where: { id: { in: course.media.flatMap((file) => (file.uploadedById ? [file.uploadedById] : [])) } },
      select: { id: true, displayName: true },
    }),
  ])
  const files = course.media.map(({ alt, caption, uploadedById, ...file }) => {
    const used = uses.get(file.name) ?? { modules: [], alt: {} }
    const stored = { alt: readLocalizedText(alt), caption: readLocalizedText(caption) }
    // A package's file has no stored alt text: the one its bodies give it is the best suggestion.
    const texts = perLocale((locale) => {
      const altText = stored.alt[locale] ?? used.alt[locale] ?? ''
      const captionText = stored.caption[locale] ?? ''
      const altFrom: 'upload' | 'body' | null = stored.alt[locale] ? 'upload' : used.alt[locale] ? 'body' : null
      return {
        alt: altText,
        altFrom,
        caption: captionText,
        snippet: mediaSnippet({ name: file.name, alt: altText, caption: captionText }),
      }
    })
    return {
      ...file,
      url: mediaUrl({ courseSlug: course.slug, name: file.name, sha256: file.sha256 }),
      texts,
      uses: used.modules,
      uploadedBy: uploadedById
        ? { name: uploaders.find((user) => user.id === uploadedById)?.displayName ?? null }
        : null,
    }
  })
  return {
    course: { id: course.id, slug: course.slug, title: course.title, canEdit: course.editors.length > 0 },
    files,
  }
}

/** Why an upload is refused: the content, or the name it would get. */
export type MediaProblem = ContentProblem | 'typeMismatch' | 'nameEmpty'

export type UploadResult =
  | { status: 'uploaded'; name: string }
  | { status: 'not-found' }
  | { status: 'name-taken'; name: string }
  | { status: 'refused'; field: 'file' | 'name'; problems: MediaProblem[]; kind?: MediaKind }

/**
 * Stores an uploaded file under a name no other file of the course has: its type read from its
 * content, an SVG sanitised, what is stored audit-logged. A taken name is refused, never overwritten:
 * learners would see the new figure in modules published with the old one, without a publish.
 */
export async function uploadCourseMedia({
  actorId,
  courseSlug,
  fileName,
  bytes,
  input,
}: {
  actorId: string
  courseSlug: string
  fileName: string
  bytes: Uint8Array<ArrayBuffer>
  input: Pick<MediaUpload, 'name' | 'alt' | 'caption'>
}): Promise<UploadResult> {
  const prisma = getPrisma()
  // Checked before the content, so someone who may not write here learns nothing about the checks.
  const course = await findEditableCourse(prisma, courseSlug, actorId)
  if (!course) return { status: 'not-found' }
  const content = await readMediaContent(bytes)
  if (!content.ok) return { status: 'refused', field: 'file', problems: content.problems }
  const named = mediaFileName({ fileName, requested: input.name, kind: content.kind })
  if ('problem' in named)
    return {
      status: 'refused',
      field: named.field,
      problems: [named.problem],
      kind: content.kind,
    }
  const caption = Object.fromEntries(Object.entries(input.caption).filter(([, text]) => text))
  const columns = mediaFileColumns(content)
  try {
    await prisma.$transaction(async (tx) => {
      // Again in the write's transaction: an editor removed while the file was checked writes nothing.
      if (!(await findEditableCourse(tx, courseSlug, actorId))) throw new NotEditable()
      await tx.courseMedia.create({
        data: {
          courseId: course.id,
          name: named.name,
          ...columns,
          alt: input.alt,
          caption,
          uploadedById: actorId,
        },
      })
      await writeAudit(
        {
          actorId,
          action: 'studio.media.uploaded',
          targetType: COURSE_TARGET,
          targetId: course.id,
          details: {
            name: named.name,
            contentType: content.contentType,
            size: columns.size,
            sha256: columns.sha256,
            ...(content.dropped.length > 0 && { dropped: content.dropped }),
          },
        },
        tx,
      )
    })
  } catch (error) {
    if (error instanceof NotEditable) return { status: 'not-found' }
    // The primary key (course, name) is the guard, also against two uploads of one name at once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return { status: 'name-taken', name: named.name }
    throw error
  }
  return { status: 'uploaded', name: named.name }
}

class NotEditable extends Error {}

export type DeleteResult = { status: 'deleted' } | { status: 'not-found' } | { status: 'in-use'; modules: MediaUse[] }

/**
 * Deletes a file no module body uses, in any language, published or drafted; otherwise names the
 * modules that use it. The course's modules and drafts are locked first (the order publishModule and
 * the importer take them in), so no publish or save can start using the file between check and delete.
 */
export async function deleteCourseMedia({
  actorId,
  courseSlug,
  name,
}: {
  actorId: string
  courseSlug: string
  name: string
}): Promise<DeleteResult> {
  return getPrisma().$transaction(async (tx) => {
    const course = await findEditableCourse(tx, courseSlug, actorId)
    if (!course) return { status: 'not-found' }
    await tx.$queryRaw`SELECT 1 FROM "Module" WHERE "courseId" = ${course.id} FOR UPDATE`
    await tx.$queryRaw`SELECT 1 FROM "ModuleDraft" d JOIN "Module" m ON m."id" = d."moduleId"
      WHERE m."courseId" = ${course.id} FOR UPDATE OF d`
    const file = await tx.courseMedia.findUnique({
      where: { courseId_name: { courseId: course.id, name } },
      select: { contentType: true, size: true, sha256: true },
    })
    if (!file) return { status: 'not-found' }
    const modules = (await findMediaUses(tx, course.id, name)).get(name)?.modules ?? []
    if (modules.length > 0) return { status: 'in-use', modules }
    await tx.courseMedia.deleteMany({ where: { courseId: course.id, name, course: editable(courseSlug, actorId) } })
    await writeAudit(
      {
        actorId,
        action: 'studio.media.deleted',
        targetType: COURSE_TARGET,
        targetId: course.id,
        details: { name, ...file },
      },
      tx,
    )
    return { status: 'deleted' }
  })
}
