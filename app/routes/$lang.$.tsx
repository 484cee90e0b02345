import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getServerT } from '~/i18n/i18n.server'
import { titleMeta } from '~/utils/meta'

/** Any unknown path under a language: the localized 404 page, inside the site's layout. */
export async function loader({ context }: LoaderFunctionArgs) {
  // The page's title travels with the 404, so the tab and a screen reader's first words say "not found".
  throw data({ title: getServerT(context.locale, 'common')('errors.notFoundTitle') }, { status: 404 })
}

export const meta: MetaFunction = ({ error }) =>
  titleMeta(isRouteErrorResponse(error) ? (error.data as { title?: string } | undefined) : undefined)

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
