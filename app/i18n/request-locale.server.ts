import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { DEFAULT_LOCALE, LOCALES, isLocale, localeFromPath, type Locale } from './config'

// Imported by the Express server outside Vite (server/middleware.ts): no Vite-only module here
// (the UI strings in resources.ts are loaded with import.meta.glob).

/** Remembers the last language a visitor used, so `/` can send them back to it. */
export const localeCookie = createCookie('lng', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 31_536_000 })

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    // The URL decides; the cookie and then Accept-Language only matter where the URL has no language.
    order: ['custom', 'cookie', 'header'],
    findLocale: async (request) => localeFromPath(new URL(request.url).pathname),
  },
})

/**
 * The language of a request, decided once where it enters (server/middleware.ts puts it in the load
 * context as `context.locale`; loaders and actions read it there, components through `useLocale`).
 */
export async function detectRequestLocale(request: Request): Promise<Locale> {
  const detected = await detector.getLocale(request)
  return isLocale(detected) ? detected : DEFAULT_LOCALE
}
