import type { LoaderFunctionArgs } from '@remix-run/node'
import { unlessDatabaseAway } from '~/edge/unless-database-away.server'
import { getCourseMedia } from '~/modules/content/media.server'

/** Serves a course figure. Addresses carry `?v=<hash>`, so a matching request may be cached for good. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return unlessDatabaseAway(context, () => serveMedia(request, params.course ?? '', params.name ?? ''))
}

async function serveMedia(request: Request, courseSlug: string, name: string) {
  const media = await getCourseMedia({ courseSlug, name })
  if (!media)
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const etag = `"${media.sha256}"`
  const version = new URL(request.url).searchParams.get('v')
  const headers = {
    'Content-Type': media.contentType,
    ETag: etag,
    'Cache-Control':
      version && media.sha256.startsWith(version) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
    // An SVG opened on its own must not run anything, whatever an author put in it.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  }
  if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
  return new Response(media.bytes, { headers })
}
