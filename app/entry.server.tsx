import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { i18nForLocale, translatorFor } from '~/i18n/i18n.server'
import {
  isMarkedDatabaseAway,
  markIfDatabaseAway,
  RETRY_AFTER_S,
  unavailableResponse,
} from '~/edge/database-away.server'
import { withoutNulBytes } from '~/utils/html-stream.server'
import { logger } from '~/utils/logger.server'
import { NonceProvider } from '~/utils/nonce'
import { StylesheetProvider } from '~/components/inline-stylesheet'
import { APP_CSS } from '~/styles/app-css.server'
import { PRIVATE_NO_STORE } from '~/utils/security-headers'

// With single fetch, Remix reads this export to end pending deferred data; the render is aborted just after.
// Long enough for a render that waits its turn on a busy event loop (an exam starting for a whole
// class at once): a render cut off early reaches the learner as a page without its data.
export const streamTimeout = 30_000

/**
 * The `mail` texts in every language, for the background jobs that compose e-mails (server/jobs.ts):
 * the locale files are bundled into this build, which the server reads this from (ADR 033).
 */
export const mailTranslator = translatorFor('mail')

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A loader or action failed because the database is away: what this throws is rendered instead, as a 503.
  if (isMarkedDatabaseAway(loadContext)) {
    if (responseStatusCode !== 503) throw unavailableResponse()
    responseHeaders.set('Retry-After', String(RETRY_AFTER_S))
  }
  const matches = remixContext.staticHandlerContext.matches
  loadContext.log.route = matches[matches.length - 1]?.route.id

  const i18n = i18nForLocale(loadContext.locale)
  const nonce = loadContext.cspNonce
  keepPrivate(responseHeaders, loadContext)

  // Crawlers get the whole page at once; browsers get it streamed as soon as the shell is ready.
  const readyEvent = isbot(request.headers.get('user-agent')) ? 'onAllReady' : 'onShellReady'
  return new Promise<Response>((resolve, reject) => {
    // Errors in the shell reject and Remix logs them; later ones (an aborted render included) are ours to log.
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <StylesheetProvider value={APP_CSS}>
          <I18nextProvider i18n={i18n}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </I18nextProvider>
        </StylesheetProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true
          if (readyEvent === 'onShellReady') respond()
        },
        onAllReady() {
          if (readyEvent === 'onAllReady') respond()
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger.error({ err: error, requestId: loadContext.requestId }, 'render error')
        },
      },
    )
    function respond() {
      const body = withoutNulBytes()
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      )
      pipe(body)
    }
    setTimeout(abort, streamTimeout + 1_000)
  })
}

/**
 * The `.data` twins of pages (client-side navigation and form posts) follow the same cache rule, and one
 * that failed because the database is away is a 503, as its page would be.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  keepPrivate(response.headers, context)
  if (!isMarkedDatabaseAway(context)) return response
  const headers = new Headers(response.headers)
  headers.set('Retry-After', String(RETRY_AFTER_S))
  return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers })
}

/**
 * A signed-in user's pages are stored nowhere: not in a shared proxy, and not in the browser's cache,
 * whose back button would otherwise show the previous officer's pages after logout on a shared
 * computer. This overrides whatever a route's `headers` said.
 */
function keepPrivate(headers: Headers, context: AppLoadContext) {
  if (context.auth) headers.set('Cache-Control', PRIVATE_NO_STORE)
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return
  // The 503 that answers a request marked "database away" comes back here as the render's error: it is
  // that answer, not a new failure. Any other error of the same request is still logged.
  if (isMarkedDatabaseAway(context) && isRouteErrorResponse(error) && error.status === 503) return
  if (markIfDatabaseAway(error, context)) {
    logger.warn({ err: error, requestId: context.requestId, url: request.url }, 'database unavailable')
    return
  }
  // Remix's own 4xx answers (e.g. 405 for a POST to a page without an action) are the client's
  // mistake, already answered with the right page: worth a line, not an error.
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.info({ status: error.status, requestId: context.requestId, url: request.url }, error.statusText)
    return
  }
  logger.error({ err: error, requestId: context.requestId, url: request.url }, 'unhandled error')
}
