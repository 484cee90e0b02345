/**
 * Returns `target` only when it is a path on this site; anything that a browser could read as
 * another origin (`//host`, `/\host`, encoded backslashes, schemes, control characters) falls back.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback
  let decoded = target
  try {
    // Decode repeatedly (`%255C` → `%5C` → `\`); malformed encoding throws and falls back.
    decoded = decodeURIComponent(decoded)
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++) decoded = decodeURIComponent(decoded)
  } catch {
    return fallback
  }
  if (/^\/[/\\]/.test(decoded) || decoded.includes('\\') || /[\u0000-\u001f\u007f]/.test(decoded)) return fallback
  const base = 'http://this-site.invalid'
  const resolved = new URL(target, base)
  return resolved.origin === base ? `${resolved.pathname}${resolved.search}${resolved.hash}` : fallback
}
