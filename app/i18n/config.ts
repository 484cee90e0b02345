export const LOCALES = ['en', 'ru'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'
export const NAMESPACES = [
  'common',
  'auth',
  'admin',
  'learning',
  'certificates',
  'manage',
  'mail',
  'studio',
  'quiz-analysis',
] as const

/** A value for every supported locale; a new locale fails to compile here until it is given one. */
export function perLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return { en: make('en'), ru: make('ru') }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** A stored language (a user's preference, an invitation's) as a supported locale; the default otherwise. */
export function supportedLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE
}

/**
 * The locale named by the first path segment (`/ru/account` → `ru`), if any. Remix fetches a page's
 * data from the same path with `.data` added, so `/ru.data` names `ru` too.
 */
export function localeFromPath(pathname: string): Locale | null {
  const first = pathname.split('/')[1]?.replace(/\.data$/, '')
  return isLocale(first) ? first : null
}

/** The same page in another language: `/en/account?x=1` → `/ru/account?x=1`. */
export function switchLocalePath({ pathname, search, to }: { pathname: string; search: string; to: Locale }) {
  // The public verification page is printed without a language (the certificate's QR code) and
  // also exists under each language: switching keeps the certificate on screen.
  if (pathname.startsWith('/verify/')) return `/${to}${pathname}`
  const rest = localeFromPath(pathname) ? pathname.split('/').slice(2).join('/') : ''
  return `/${to}${rest ? `/${rest}` : ''}${search}`
}

export const i18nextOptions = {
  supportedLngs: [...LOCALES],
  // No fallback language: every key exists in every language (locales.test.ts), and with one the
  // browser would fetch the English namespaces on every Russian page too, to fall back on nothing.
  fallbackLng: false as const,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
}
