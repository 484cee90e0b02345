import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { isLocale } from '~/i18n/config'
import { invariantResponse } from '~/utils/http'

export async function loader({ params }: LoaderFunctionArgs) {
  // The one place that reads the segment itself: an unknown language is the localized 404 page.
  // eslint-disable-next-line no-restricted-syntax
  invariantResponse(isLocale(params.lang), 'Not found', { status: 404 })
  return null
}

export default function LanguageLayout() {
  return <Outlet />
}
