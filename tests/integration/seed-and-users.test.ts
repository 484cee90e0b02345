import { describe, expect, it } from 'vitest'
import { CreateUserSchema } from '~/modules/admin/users.schema'
import { createUser, setUserDisabled } from '~/modules/admin/users.server'
import { DEMO_USERS } from '~/setup/demo-data'
import { seedDemoData } from '~/setup/seed.server'
import { getPrisma } from '~/utils/db.server'

describe('demo seed', () => {
  it('seeds an empty database once and never again', async () => {
    expect(await seedDemoData()).toEqual({ seeded: true })
    const users = await getPrisma().user.findMany({
      select: { email: true, role: true, passwordHash: true, administration: { select: { isDemo: true } } },
    })
    expect(users.map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort())
    expect(users.every((user) => user.passwordHash?.startsWith('$argon2id$'))).toBe(true)
    expect(users.filter((user) => user.administration).every((user) => user.administration?.isDemo)).toBe(true)
    expect(await seedDemoData()).toEqual({ seeded: false })
    expect(await getPrisma().user.count()).toBe(DEMO_USERS.length)
  })
})

describe('user administration', () => {
  const input = (email: string) =>
    CreateUserSchema.parse({
      intent: 'create',
      email,
      displayName: 'Nino Beridze',
      role: 'INSTRUCTOR',
      preferredLocale: 'ru',
      password: 'initial password 1',
    })

  it('treats emails case-insensitively', async () => {
    const admin = await getPrisma().user.findFirstOrThrow({ where: { role: 'ADMIN' }, select: { id: true } })
    expect(await createUser({ actorId: admin.id, input: input('Nino.Beridze@Example.test') })).toMatchObject({
      status: 'ok',
    })
    expect(await createUser({ actorId: admin.id, input: input('NINO.BERIDZE@example.test') })).toEqual({
      status: 'email-taken',
    })
    await expect(
      getPrisma().user.create({ data: { email: 'Mixed@Case.test', displayName: 'x', passwordHash: 'x' } }),
    ).rejects.toThrow()
  })

  it('requires learners and coordinators to belong to an administration', () => {
    const result = CreateUserSchema.safeParse({ ...input('a@b.test'), role: 'LEARNER' })
    expect(result.success).toBe(false)
  })

  it('disables a user, ends their sessions and writes the audit log; never the admin themself', async () => {
    const admin = await getPrisma().user.findFirstOrThrow({ where: { role: 'ADMIN' }, select: { id: true } })
    const learner = await getPrisma().user.findFirstOrThrow({ where: { role: 'LEARNER' }, select: { id: true } })
    await getPrisma().session.create({
      data: { id: 'f'.repeat(64), userId: learner.id, expiresAt: new Date(Date.now() + 1e9) },
    })
    expect(await setUserDisabled({ actorId: admin.id, userId: learner.id, disabled: true })).toBe('ok')
    expect(await getPrisma().session.count({ where: { userId: learner.id } })).toBe(0)
    expect(await getPrisma().auditLog.count({ where: { action: 'user.disabled', targetId: learner.id } })).toBe(1)
    expect(await setUserDisabled({ actorId: admin.id, userId: admin.id, disabled: true })).toBe('self')
    expect(await setUserDisabled({ actorId: admin.id, userId: 'no-such-user', disabled: true })).toBe('not-found')
  })
})
