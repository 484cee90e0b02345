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

/** Pass the transaction of the change being logged, so the change and its entry land together. */
export async function writeAudit(entry: AuditEntry, db: Pick<Prisma.TransactionClient, 'auditLog'> = getPrisma()) {
  await db.auditLog.create({ data: entry, select: { id: true } })
}
