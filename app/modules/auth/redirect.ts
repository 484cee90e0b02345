/**
 * Returns `target`, normalised, only when it is a path on this site; anything that a browser could read
 * as another origin (`//host`, `/\host`, encoded backslashes, dot segments that leave `//host`, schemes,
 * control characters) falls back.
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
  if (resolved.origin !== base) return fallback
  // Decide on the path as the browser will read it: dot segments (`/a/..//host`, `/%2e%2e//host`) and
  // backslashes collapse into `//host`, which a browser takes for another site.
  if (resolved.pathname.startsWith('//')) return fallback
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}
