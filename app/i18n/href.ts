import type { Locale } from './config'

/** Query parameters of a link; empty, null and undefined values are left out. */
export type Query = URLSearchParams | Record<string, string | number | null | undefined>

/** The `:name` placeholders of a route path: `'/courses/:course/modules/:module'` → `'course' | 'module'`. */
type ParamName<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never

type HrefOptions<Path extends string> = { [Name in ParamName<Path>]: string } & { query?: Query; hash?: string }

type HrefArgs<Path extends string> = string extends Path
  ? [options?: { query?: Query; hash?: string }]
  : [ParamName<Path>] extends [never]
    ? [options?: HrefOptions<Path>]
    : [options: HrefOptions<Path>]

/**
 * The one way to build a link inside the site: `href(locale, '/courses/:course', { course: 'aeo' })`
 * → `/en/courses/aeo`. Parameters are encoded; `'/'` is the language's home page (`/en`).
 */
export function href<Path extends `/${string}`>(locale: Locale, path: Path, ...[options]: HrefArgs<Path>): string {
  const values: Record<string, unknown> = options ?? {}
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name]
    if (typeof value !== 'string' || value === '') throw new Error(`href: ${path} needs a value for :${name}`)
    return encodeURIComponent(value)
  })
  const query = new URLSearchParams()
  const given = options?.query
  if (given instanceof URLSearchParams) given.forEach((value, name) => query.append(name, value))
  else
    for (const [name, value] of Object.entries(given ?? {}))
      if (value !== null && value !== undefined && value !== '') query.append(name, String(value))
  const search = query.size > 0 ? `?${query}` : ''
  const hash = options?.hash ? `#${options.hash}` : ''
  return `/${locale}${filled === '/' ? '' : filled}${search}${hash}`
}
