/**
 * Throws a Response for an expected failure (404, 403, 400) when `condition` is falsy. `message` is
 * an i18n key (`learning:reader.notFound`): the error page shows it in the reader's language. Plain
 * text is never shown, only the status's generic explanation.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, init)
}
