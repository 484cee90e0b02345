import { getPrisma } from '~/utils/db.server'

/** A quiz's publishes from the studio, newest first: number, date, who, note (ADR 025). */
export async function listQuizRevisions({ quizId, take = 20 }: { quizId: string; take?: number }) {
  const revisions = await getPrisma().quizRevision.findMany({
    where: { quizId },
    orderBy: { number: 'desc' },
    take,
    select: { number: true, publishedAt: true, publishedById: true, note: true },
  })
  const ids = [...new Set(revisions.flatMap((revision) => (revision.publishedById ? [revision.publishedById] : [])))]
  const users = await getPrisma().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
  const names = new Map(users.map((user) => [user.id, user.displayName]))
  return revisions.map(({ publishedById, publishedAt, ...revision }) => ({
    ...revision,
    publishedAt: publishedAt.toISOString(),
    publishedBy: publishedById ? (names.get(publishedById) ?? null) : null,
  }))
}
