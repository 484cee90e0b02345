// How much a module's draft may hold (ADR 019). Plain constants: the server's body limits read them
// too (server/request-limits.ts), outside the app's build.

/** A body's Markdown, in UTF-8 bytes. The longest shipped body is about 12 KB. */
export const BODY_LIMIT_BYTES = 200 * 1024
export const TITLE_LIMIT_CHARS = 200

/**
 * The largest package archive an author may upload (ADR 027). The shipped courses zip to 40–60 KB; a
 * course with a few dozen photos a few MB.
 */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024
