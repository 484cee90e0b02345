import { getPrisma } from '~/utils/db.server'
import { hashPassword } from '~/modules/auth/password.server'
import {
  DEMO_ACCOUNTS_AGE_DAYS,
  DEMO_ADMINISTRATIONS,
  DEMO_COURSE_EDITOR,
  DEMO_PASSWORD,
  DEMO_USERS,
} from './demo-data'

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
    // The demo accounts date from before every demo record (which go back up to a year).
    const since = new Date(Date.now() - DEMO_ACCOUNTS_AGE_DAYS * 86_400_000)
    await tx.user.createMany({
      data: DEMO_USERS.map((user) => ({
        createdAt: since,
        passwordChangedAt: since,
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

/**
 * The demo instructor edits every course in the database (the shipped ones, just imported), so the
 * studio has something to show. Runs with the demo accounts; adding an existing editor again is a no-op.
 */
export async function seedDemoCourseEditors(): Promise<{ courses: number }> {
  const prisma = getPrisma()
  const instructor = await prisma.user.findUnique({ where: { email: DEMO_COURSE_EDITOR }, select: { id: true } })
  if (!instructor) return { courses: 0 }
  const courses = await prisma.course.findMany({ select: { id: true } })
  const { count } = await prisma.courseEditor.createMany({
    data: courses.map((course) => ({ courseId: course.id, userId: instructor.id })),
    skipDuplicates: true,
  })
  return { courses: count }
}
