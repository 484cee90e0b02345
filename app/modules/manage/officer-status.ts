export const OFFICER_STATUSES = ['active', 'invited', 'deactivated'] as const
export type OfficerStatus = (typeof OFFICER_STATUSES)[number]

/** Deactivated outranks invited: a manager may deactivate an officer who never accepted. */
export function officerStatus({ disabledAt, invited }: { disabledAt: Date | null; invited: boolean }): OfficerStatus {
  if (disabledAt) return 'deactivated'
  return invited ? 'invited' : 'active'
}
