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

/** A file to save (`Content-Disposition: attachment`), with its length; `cache` says who may keep it. */
export function attachment(
  bytes: Uint8Array,
  { type, fileName, cache }: { type: string; fileName: string; cache: string },
): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': type,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': cache,
    },
  })
}

/** A download address that has nothing: a 404 with its reason as plain text, already translated. */
export const plainNotFound = (message: string) =>
  new Response(message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
