import { getPrisma } from '~/utils/db.server'
import { FIGURE_TYPES, figureSize } from './figure-size'
import { sha256 } from './package-hash'

/** A course figure by course slug and file name, or null. Figures are public, like the catalogue. */
export async function getCourseMedia({ courseSlug, name }: { courseSlug: string; name: string }) {
  return getPrisma().courseMedia.findFirst({
    where: { name, course: { slug: courseSlug } },
    select: { contentType: true, bytes: true, sha256: true },
  })
}

/**
 * The columns every way of storing a course's file writes (a package import, a studio upload, a package
 * uploaded into drafts): the bytes, and what is read from them once so that no page reads them again.
 */
export function mediaFileColumns({ bytes, contentType }: { bytes: Uint8Array; contentType: string }) {
  const size = figureSize(bytes, contentType)
  return {
    contentType,
    bytes: new Uint8Array(bytes),
    size: bytes.length,
    sha256: sha256(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)),
    width: size?.width ?? null,
    height: size?.height ?? null,
  }
}

/**
 * Sizes the figures stored before their width and height were kept (migration 20261209090000), one file
 * at a time. Run at startup; a file whose header cannot be read stays unsized and is looked at again at
 * the next start (a few bytes' work: such files are rare, and the page just shows them without a size).
 */
export async function backfillFigureSizes(prisma = getPrisma()) {
  const unsized = await prisma.courseMedia.findMany({
    where: { width: null, contentType: { in: [...FIGURE_TYPES] } },
    select: { courseId: true, name: true },
  })
  let sized = 0
  for (const key of unsized) {
    const file = await prisma.courseMedia.findUnique({
      where: { courseId_name: key },
      select: { bytes: true, contentType: true },
    })
    const size = file && figureSize(file.bytes, file.contentType)
    if (!size) continue
    // Only the two columns: updatedAt (Prisma's @updatedAt) is the file's, not this bookkeeping's.
    await prisma.$executeRaw`UPDATE "CourseMedia" SET "width" = ${size.width}, "height" = ${size.height}
      WHERE "courseId" = ${key.courseId} AND "name" = ${key.name} AND "width" IS NULL`
    sized += 1
  }
  return { sized, unreadable: unsized.length - sized }
}
