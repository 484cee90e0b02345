import { useRouteLoaderData } from '@remix-run/react'
import { DEFAULT_LOCALE, isLocale, type Locale } from './config'

/**
 * The page's language in a component: the one the server decided for the request, which the root
 * loader passes on (`context.locale`).
 */
export function useLocale(): Locale {
  const root: unknown = useRouteLoaderData('root')
  const locale = typeof root === 'object' && root !== null && 'locale' in root ? root.locale : null
  return isLocale(locale) ? locale : DEFAULT_LOCALE
}
