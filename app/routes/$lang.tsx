import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { isLocale } from '~/i18n/config'
import { invariantResponse } from '~/utils/http'
import { skipAfterBackgroundSave } from '~/utils/revalidation'

export const shouldRevalidate = skipAfterBackgroundSave

export async function loader({ params }: LoaderFunctionArgs) {
  invariantResponse(isLocale(params.lang), 'Not found', { status: 404 })
  return null
}

export default function LanguageLayout() {
  return <Outlet />
}
