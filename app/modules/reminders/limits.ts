/** The most reminders one submission asks for: the page lists at most this many assignments. */
export const MAX_REMINDERS_AT_ONCE = 200
