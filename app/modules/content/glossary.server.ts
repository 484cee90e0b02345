import { getPrisma } from '~/utils/db.server'
import { storedGlossary } from './glossary.schema'

/** A published course's glossary page: its title and terms as the package gave them. Null: no such course. */
export async function getCourseGlossary({ slug }: { slug: string }) {
  const course = await getPrisma().course.findFirst({
    where: { slug, status: 'PUBLISHED' },
    select: { slug: true, title: true, glossary: true },
  })
  return course && { slug: course.slug, title: course.title, terms: storedGlossary(course.glossary) }
}
