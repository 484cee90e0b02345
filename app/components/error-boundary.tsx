import { Link, isRouteErrorResponse, useRevalidator, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import type { loader as rootLoader } from '~/root'

const KNOWN_STATUSES: Record<number, { title: string; text?: string }> = {
  400: { title: 'errors.badRequestTitle' },
  403: { title: 'errors.forbiddenTitle', text: 'errors.forbiddenText' },
  404: { title: 'errors.notFoundTitle', text: 'errors.notFoundText' },
  405: { title: 'errors.badRequestTitle' }, // e.g. a form posted to a page that takes none
  413: { title: 'errors.tooLargeTitle', text: 'errors.tooLarge' },
  429: { title: 'errors.tooManyTitle' },
  503: { title: 'errors.unavailableTitle', text: 'errors.unavailableText' }, // the database is away for a moment
}

/** The one error page: localized, never showing a stack trace or an internal message. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t, i18n } = useTranslation('common')
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const locale = useLocale()
  if (isConnectionLost(error)) return <ConnectionLost />
  const known = isRouteErrorResponse(error) ? KNOWN_STATUSES[error.status] : undefined
  const title = known ? t(known.title) : t('errors.serverErrorTitle')
  // A route's own reason (an i18n key passed to invariantResponse) says what was wrong; Remix's
  // internal messages and other plain text are not keys, so they never reach the page.
  const reason =
    isRouteErrorResponse(error) && typeof error.data === 'string' && i18n.exists(error.data) ? t(error.data) : null
  const text = known
    ? (reason ?? (known.text ? t(known.text) : null))
    : t('errors.serverErrorText', { reference: root?.requestId ?? '—' })
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      {text ? <p>{text}</p> : null}
      <p>
        <Link to={href(locale, '/')}>{t('errors.backHome')}</Link>
      </p>
    </section>
  )
}

/**
 * A page the browser could not fetch at all: the connection, not the site, failed. Only in the browser
 * (the server has no `window`), and only for the failed fetch itself — Chrome's "Failed to fetch",
 * Firefox's "NetworkError…", Safari's "Load failed" — with the browser offline, so a render bug that
 * throws a TypeError still gets the error page with its reference.
 */
function isConnectionLost(error: unknown) {
  return (
    typeof window !== 'undefined' &&
    error instanceof TypeError &&
    (!navigator.onLine || /Failed to fetch|NetworkError|Load failed/i.test(error.message))
  )
}

/** Says what happened, and loads the page again by itself once the browser is back online. */
function ConnectionLost() {
  const { t } = useTranslation('common')
  const revalidator = useRevalidator()
  useEffect(() => {
    const retry = () => revalidator.revalidate()
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [revalidator])
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t('errors.offlineTitle')}</h1>
      <p>{t('errors.offlineText')}</p>
      <p>
        <button type="button" className="button" onClick={() => revalidator.revalidate()}>
          {t('errors.tryAgain')}
        </button>
      </p>
    </section>
  )
}
