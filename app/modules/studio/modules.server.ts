import { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { getPrisma } from '~/utils/db.server'
import { COURSE_TARGET } from './courses.server'
import { lockEditableCourse } from './scope.server'
import type { AddModuleInput } from './module.schema'

// A course's module list in the studio (ADR 020): add, reorder, archive and restore. Every write finds
// its course through the editor list in its own `where`, so anyone else's write matches nothing.

type Tx = Prisma.TransactionClient

const editedBy = (userId: string) => ({ editors: { some: { userId } } })

export type AddModuleResult = 'added' | 'not-found' | 'slug-taken'

/**
 * Appends a module. It starts archived — not among the course's current modules, so learners neither
 * see it nor need it to complete the course — and with no published text; its first publish makes it
 * current (`releaseOnFirstPublish`). Its drafts are made on first open from that text: the titles, empty bodies.
 */
export async function addModule({
  actorId,
  courseSlug,
  input,
}: {
  actorId: string
  courseSlug: string
  input: AddModuleInput
}): Promise<AddModuleResult> {
  try {
    return await getPrisma().$transaction(async (tx) => {
      const course = await lockEditableCourse(tx, { courseSlug, userId: actorId })
      if (!course) return 'not-found'
      const { _max } = await tx.module.aggregate({ where: { courseId: course.id }, _max: { position: true } })
      await tx.module.create({
        data: {
          courseId: course.id,
          slug: input.slug,
          position: (_max.position ?? 0) + 1,
          minutes: input.minutes,
          title: input.title,
          archivedAt: new Date(),
        },
      })
      await writeAudit(
        {
          actorId,
          action: 'studio.module.added',
          targetType: COURSE_TARGET,
          targetId: course.id,
          details: { module: input.slug },
        },
        tx,
      )
      return 'added'
    })
  } catch (error) {
    // The unique (course, slug) is the guard, also against two authors adding the same slug at once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'slug-taken'
    throw error
  }
}

/**
 * Called by `publishModule` inside its transaction: a module with no published text yet is one added
 * in the studio, and its first publish makes it current for learners.
 */
export async function releaseOnFirstPublish(tx: Tx, { moduleId }: { moduleId: string }) {
  if ((await tx.moduleContent.count({ where: { moduleId } })) > 0) return
  await tx.module.update({ where: { id: moduleId }, data: { archivedAt: null } })
}

export type MoveModuleResult = 'moved' | 'unchanged' | 'not-found'

/**
 * Swaps a module with its neighbour in the list (archived modules included, as the studio shows them)
 * and renumbers the course's modules 1…n, so positions stay contiguous whatever an import left.
 * At either end it writes nothing.
 */
export async function moveModule({
  actorId,
  courseSlug,
  moduleSlug,
  direction,
}: {
  actorId: string
  courseSlug: string
  moduleSlug: string
  direction: 'up' | 'down'
}): Promise<MoveModuleResult> {
  return getPrisma().$transaction(async (tx) => {
    const course = await lockEditableCourse(tx, { courseSlug, userId: actorId })
    if (!course) return 'not-found'
    const modules = await tx.module.findMany({
      where: { courseId: course.id },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { slug: 'asc' }],
      select: { id: true, slug: true, position: true },
    })
    const from = modules.findIndex((module) => module.slug === moduleSlug)
    if (from === -1) return 'not-found'
    const to = direction === 'up' ? from - 1 : from + 1
    if (to < 0 || to >= modules.length) return 'unchanged'
    const order = [...modules]
    ;[order[from], order[to]] = [order[to]!, order[from]!]
    for (const [index, module] of order.entries()) {
      if (module.position !== index + 1)
        await tx.module.updateMany({
          where: { id: module.id, course: editedBy(actorId) },
          data: { position: index + 1 },
        })
    }
    await writeAudit(
      {
        actorId,
        action: 'studio.module.moved',
        targetType: COURSE_TARGET,
        targetId: course.id,
        details: { module: moduleSlug, from: from + 1, to: to + 1 },
      },
      tx,
    )
    return 'moved'
  })
}

export type ArchiveModuleResult = 'done' | 'unchanged' | 'not-found' | 'never-published'

/**
 * Archives or restores a module. Progress rows stay (as the importer does): archived, a module no
 * longer counts towards completion; restored, it counts again with what learners had done in it. A
 * module never published cannot be restored: learners would get an empty page.
 */
export async function setModuleArchived({
  actorId,
  courseSlug,
  moduleSlug,
  archived,
}: {
  actorId: string
  courseSlug: string
  moduleSlug: string
  archived: boolean
}): Promise<ArchiveModuleResult> {
  return getPrisma().$transaction(async (tx) => {
    const course = await lockEditableCourse(tx, { courseSlug, userId: actorId })
    if (!course) return 'not-found'
    const module = await tx.module.findUnique({
      where: { courseId_slug: { courseId: course.id, slug: moduleSlug } },
      select: { id: true, archivedAt: true, _count: { select: { contents: true } } },
    })
    if (!module) return 'not-found'
    if ((module.archivedAt !== null) === archived) return 'unchanged'
    if (!archived && module._count.contents === 0) return 'never-published'
    await tx.module.updateMany({
      where: { id: module.id, course: editedBy(actorId) },
      data: { archivedAt: archived ? new Date() : null },
    })
    await writeAudit(
      {
        actorId,
        action: archived ? 'studio.module.archived' : 'studio.module.restored',
        targetType: COURSE_TARGET,
        targetId: course.id,
        details: { module: moduleSlug },
      },
      tx,
    )
    return 'done'
  })
}
