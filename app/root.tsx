import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, ScrollRestoration, useMatches, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { AppShell } from '~/components/app-shell'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { InlineStylesheet } from '~/components/inline-stylesheet'
import { ScriptPreloads, ScriptsAfterFirstPaint } from '~/components/page-scripts'
import { localeFromPath } from '~/i18n/config'
import { useLocale } from '~/i18n/use-locale'
import { localeCookie } from '~/i18n/request-locale.server'
import { pageDescription, titleMeta } from '~/utils/meta'
import { useNonce } from '~/utils/nonce'
import { useFocusAfterPost } from '~/components/use-focus-after-post'

export const handle = { i18n: ['common'] }

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context
  const headers = new Headers()
  // Remember the language the visitor chose in the URL, so `/` brings them back to it.
  const remembered: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  if (localeFromPath(new URL(request.url).pathname) === locale && remembered !== locale) {
    headers.append('Set-Cookie', await localeCookie.serialize(locale))
  }
  return data({ locale, user: context.auth?.user ?? null, requestId: context.requestId }, { headers })
}

/** Every page has a title: a route without meta of its own (or whose loader failed) gets the site's name. */
export const meta: MetaFunction = () => titleMeta(undefined)

export type RootData = Awaited<ReturnType<typeof loader>>['data']

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root')
  const locale = useLocale()
  const { t, i18n } = useTranslation('common')
  const nonce = useNonce()
  // Here rather than in each route's meta: Remix keeps only the deepest route's meta, and error pages
  // have none, yet every page needs a description in its language (search results, Lighthouse SEO).
  const description = pageDescription(useMatches(), t('siteDescription'))
  useChangeLanguage(locale)
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={description} />
        <Meta />
        <InlineStylesheet />
        <Links />
        <ScriptPreloads />
      </head>
      <body>
        <AppShell user={root?.user ?? null} locale={locale}>
          {children}
        </AppShell>
        <ScrollRestoration nonce={nonce} />
        <ScriptsAfterFirstPaint nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  useFocusAfterPost()
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
