import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'

export interface AuditEntry {
  actorId: string | null
  action: string
  targetType?: string
  targetId?: string
  administrationId?: string | null
  details?: Prisma.InputJsonValue
}

/**
 * One entry, or several in one statement. Pass the transaction of the change being logged, so the
 * change and its entries land together.
 */
export async function writeAudit(
  entries: AuditEntry | AuditEntry[],
  db: Pick<Prisma.TransactionClient, 'auditLog'> = getPrisma(),
) {
  await db.auditLog.createMany({ data: Array.isArray(entries) ? entries : [entries] })
}
