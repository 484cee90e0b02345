import type { AppLoadContext } from '@remix-run/node'
import type { Role } from '~/generated/prisma/enums'
import type { SessionUser } from '~/modules/auth/user'
import { getPrisma } from '~/utils/db.server'

const ROLES = {
  learner: 'LEARNER',
  manager: 'MANAGER',
  editor: 'INSTRUCTOR',
  other: 'INSTRUCTOR',
  admin: 'ADMIN',
} as const
export type StudioUsers = Record<keyof typeof ROLES, SessionUser>

/**
 * The people a studio page tells apart (ADR 018): a learner and a coordinator of one administration,
 * two instructors and an admin, as the session puts them in the load context. `editor` is made an
 * editor of `courseId`; `other` is an author who is not. E-mails are `<key>@<name>.test`, names `<Name> <key>`.
 */
export async function createStudioUsers({ name, courseId }: { name: string; courseId: string }): Promise<StudioUsers> {
  const prisma = getPrisma()
  const administration = await prisma.administration.create({
    data: { code: name.toUpperCase(), name: { en: 'Customs', ru: 'Таможня' } },
    select: { id: true },
  })
  const users = {} as StudioUsers
  for (const [key, role] of Object.entries(ROLES) as [keyof typeof ROLES, Role][]) {
    users[key] = await prisma.user.create({
      data: {
        email: `${key}@${name}.test`,
        displayName: `${name[0]!.toUpperCase()}${name.slice(1)} ${key}`,
        role,
        passwordHash: 'x',
        administrationId: role === 'LEARNER' || role === 'MANAGER' ? administration.id : null,
      },
      select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
    })
  }
  await prisma.courseEditor.create({ data: { courseId, userId: users.editor.id } })
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
