import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { getPrisma } from '~/utils/db.server'
import type { CoursePackage, ModulePackage } from '~/modules/content/package.schema'
import { coursePackage } from './course-package'

/**
 * An imported course with an author who edits it (ADR 018) and an enrolled learner who is no editor,
 * as the studio's integration tests start; the module ids come back by slug.
 */
export async function importStudioCourse(
  slug: string,
  modules: ModulePackage[],
  overrides: Partial<CoursePackage> = {},
) {
  await importCoursePackages({ packages: [coursePackage(slug, { modules, ...overrides })] })
  const course = await getPrisma().course.findUniqueOrThrow({
    where: { slug },
    select: { id: true, modules: { select: { id: true, slug: true } } },
  })
  const [author, learner] = await Promise.all(
    ['author', 'learner'].map((name) =>
      getPrisma().user.create({
        data: { email: `${name}@${slug}.test`, displayName: `${name} of ${slug}`, passwordHash: 'x' },
        select: { id: true },
      }),
    ),
  )
  if (!author || !learner) throw new Error('users not created')
  await enrolInCourse({ userId: learner.id, courseId: course.id })
  await getPrisma().courseEditor.create({ data: { courseId: course.id, userId: author.id } })
  return {
    authorId: author.id,
    learnerId: learner.id,
    ids: Object.fromEntries(course.modules.map((module) => [module.slug, module.id])),
  }
}
