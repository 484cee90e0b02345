import type { Prisma } from '~/generated/prisma/client'

/**
 * The one vocabulary of an account's state, for the admin's user list and the coordinator's officer
 * pages alike (words: `common:accountStatus.*`). Derived, never stored: deactivated (`disabledAt`),
 * invited (no password set yet), active.
 */
export const ACCOUNT_STATUSES = ['active', 'invited', 'deactivated'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]

/** Deactivated outranks invited: an account may be deactivated before its owner ever accepted. */
export function accountStatus({ disabledAt, invited }: { disabledAt: Date | null; invited: boolean }): AccountStatus {
  if (disabledAt) return 'deactivated'
  return invited ? 'invited' : 'active'
}

/** The same states as a `where` clause, so a status filter is counted and paged in SQL. */
export const ACCOUNT_STATUS_WHERE: Record<AccountStatus, Prisma.UserWhereInput> = {
  active: { disabledAt: null, passwordHash: { not: null } },
  invited: { disabledAt: null, passwordHash: null },
  deactivated: { disabledAt: { not: null } },
}
