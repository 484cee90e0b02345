/**
 * How many times the queue tries to send one e-mail: six tries over about half an hour with the default
 * 30 s retry delay, so a mail server restarting is waited out. A row tried this often and still unsent has
 * been given up; the coordinator sees it as failed and may ask for it again (ADR 033).
 */
export const MAIL_SEND_ATTEMPTS = 6

/** The most reminders one submission asks for: the page lists at most this many assignments. */
export const MAX_REMINDERS_AT_ONCE = 200
