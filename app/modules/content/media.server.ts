import { getPrisma } from '~/utils/db.server'

/** A course figure by course slug and file name, or null. Figures are public, like the catalogue. */
export async function getCourseMedia({ courseSlug, name }: { courseSlug: string; name: string }) {
  return getPrisma().courseMedia.findFirst({
    where: { name, course: { slug: courseSlug } },
    select: { contentType: true, bytes: true, sha256: true },
  })
}
