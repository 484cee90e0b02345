import type { AppLoadContext } from '@remix-run/node'
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

/** The people a studio page tells apart (ADR 018): `editor` edits the course, `other` is an author who does not. */
const STUDIO_ROLES = {
  learner: 'LEARNER',
  manager: 'MANAGER',
  editor: 'INSTRUCTOR',
  other: 'INSTRUCTOR',
  admin: 'ADMIN',
} as const satisfies Record<string, Role>
export type StudioUsers = Record<keyof typeof STUDIO_ROLES, SessionUser>

/** A learner, a coordinator, two instructors (`editor` made an editor of `courseId`) and an admin. */
export async function createCourseStudioUsers({ name, courseId }: { name: string; courseId: string }) {
  const users: StudioUsers = await createStudioUsers(name, STUDIO_ROLES)
  await getPrisma().courseEditor.create({ data: { courseId, userId: users.editor.id } })
  return users
}

/** The load context the server gives a request of `user` (null: signed out) in `locale`. */
export function studioContext(user: SessionUser | null, locale: 'en' | 'ru'): AppLoadContext {
  return {
    requestId: 'studio-test',
    locale,
    clientIp: '127.0.0.1',
    secureCookies: false,
    cspNonce: 'studio-test',
    auth: user ? { sessionId: 'studio-test', user } : null,
    log: {},
  }
}
