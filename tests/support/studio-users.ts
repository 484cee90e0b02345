import type { Role } from '~/generated/prisma/enums'
import type { SessionUser } from '~/modules/auth/user'
import { getPrisma } from '~/utils/db.server'

/**
 * One account per key with the given role, as the studio's access tests need them (`<key>@<tag>.test`,
 * named "<Tag> <key>"); learners and coordinators in an administration of their own, coded `tag`.
 */
export async function createStudioUsers<Key extends string>(
  tag: string,
  roles: Record<Key, Role>,
): Promise<Record<Key, SessionUser>> {
  const administration = await getPrisma().administration.create({
    data: { code: tag.toUpperCase(), name: { en: 'Customs', ru: 'Таможня' } },
    select: { id: true },
  })
  const name = `${tag[0]?.toUpperCase() ?? ''}${tag.slice(1)}`
  const entries = await Promise.all(
    (Object.entries(roles) as [Key, Role][]).map(async ([key, role]) => {
      const user = await getPrisma().user.create({
        data: {
          email: `${key}@${tag}.test`,
          displayName: `${name} ${key}`,
          role,
          passwordHash: 'x',
          administrationId: role === 'LEARNER' || role === 'MANAGER' ? administration.id : null,
        },
        select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
      })
      return [key, user] as const
    }),
  )
  return Object.fromEntries(entries) as Record<Key, SessionUser>
}
