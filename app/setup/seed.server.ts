import { getPrisma } from '~/utils/db.server'
import { hashPassword } from '~/modules/auth/password.server'
import { DEMO_ADMINISTRATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data'

/**
 * Creates the demo administrations and accounts, but only in a database without any users:
 * seeding must never touch a real installation.
 */
export async function seedDemoData(): Promise<{ seeded: boolean }> {
  const prisma = getPrisma()
  if ((await prisma.user.count()) > 0) return { seeded: false }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.$transaction(async (tx) => {
    const administrations: { id: string }[] = []
    for (const administration of DEMO_ADMINISTRATIONS) {
      administrations.push(
        await tx.administration.create({
          data: {
            code: administration.code,
            name: administration.name,
            isDemo: true,
            // Units are named as the posts sign themselves, in one language.
            units: { create: administration.units.map((name) => ({ name })) },
          },
          select: { id: true },
        }),
      )
    }
    await tx.user.createMany({
      data: DEMO_USERS.map((user) => ({
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        preferredLocale: user.preferredLocale,
        administrationId: user.administration === null ? null : administrations[user.administration]!.id,
        passwordHash,
      })),
    })
  })
  return { seeded: true }
}
