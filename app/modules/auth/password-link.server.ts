import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import { hashPassword } from './password.server'

/**
 * Sets a user's password with a single-use link (an invitation, a reset), in one transaction: `useUp`
 * marks the link used and says whether this call did — of two parallel submissions only one finds it still
 * open —, then the password is written and `andThen` runs. The user's id, or null when the link was taken.
 */
export async function setPasswordByLink({
  userId,
  password,
  now,
  useUp,
  andThen,
}: {
  userId: string
  password: string
  now: Date
  useUp: (tx: Prisma.TransactionClient) => Promise<boolean>
  andThen?: (tx: Prisma.TransactionClient) => Promise<void>
}) {
  // Hashed before the transaction: argon2 takes a while, and the rows need not wait for it.
  const passwordHash = await hashPassword(password)
  return getPrisma().$transaction(async (tx) => {
    if (!(await useUp(tx))) return null
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: now },
      select: { id: true },
    })
    await andThen?.(tx)
    return userId
  })
}
