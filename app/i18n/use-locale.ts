import { useLocation, useRouteLoaderData } from '@remix-run/react'
import { DEFAULT_LOCALE, isLocale, localeFromPath, type Locale } from './config'

/**
 * The page's language in a component: the one the server decided for the request, which the root
 * loader passes on (`context.locale`). When the root has no data — a navigation whose data request
 * failed outright, such as with the connection lost — the address's language segment decides.
 */
export function useLocale(): Locale {
  const root: unknown = useRouteLoaderData('root')
  const { pathname } = useLocation()
  const locale = typeof root === 'object' && root !== null && 'locale' in root ? root.locale : null
  return isLocale(locale) ? locale : (localeFromPath(pathname) ?? DEFAULT_LOCALE)
}
