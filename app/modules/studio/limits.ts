// How much a module's draft may hold (ADR 019). Plain constants: the server's body limits read them
// too (server/request-limits.ts), outside the app's build.

/** A body's Markdown, in UTF-8 bytes. The longest shipped body is about 12 KB. */
export const BODY_LIMIT_BYTES = 200 * 1024
export const TITLE_LIMIT_CHARS = 200
