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

export async function writeAudit(entry: AuditEntry) {
  await getPrisma().auditLog.create({ data: entry, select: { id: true } })
}
