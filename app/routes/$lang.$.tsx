import { GeneralErrorBoundary } from '~/components/error-boundary'

/** Any unknown path under a language: the localized 404 page, inside the site's layout. */
export async function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
