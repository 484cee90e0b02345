import cluster from 'node:cluster'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import { prepareDatabase } from '~/setup/startup.server'
import { getDatabase } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { databaseAway } from './database-away'
import { authenticate, csrfGuard, requestContext } from './middleware'
import { allowedMethods, formBodies, readableAddress } from './request-guards'
import { bodyLimits } from './request-limits'
import { contentSecurity, securityHeaders } from './security-headers'
import { verifyJson } from './verify-json'
import { createDrain } from './drain'
import { discardUnreadBody } from './unread-body'
import { startJobs } from './jobs'
import { mailTranslatorOf } from './mail-translator'

const env = getEnv()
// With several processes the supervisor (primary.ts) has prepared the database before forking us.
if (cluster.isPrimary) await prepareDatabase()

const viteDevServer =
  env.NODE_ENV === 'production'
    ? undefined
    : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

async function loadBuild(): Promise<ServerBuild> {
  if (viteDevServer) return (await viteDevServer.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
  return (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
}

/** favicon.svg, robots.txt…: a name with an extension other than `.data`. */
const PUBLIC_FILE = /\.(?!data$)[a-z0-9]+$/i

const drain = createDrain()
const app = express()
app.disable('x-powered-by')
app.use(drain.middleware)
app.use(discardUnreadBody())
app.set('trust proxy', env.TRUST_PROXY)
app.use(compression())
app.use(securityHeaders({ baseUrl: env.BASE_URL }))

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Vite fingerprints everything under /assets, so it may be cached for good.
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  const publicFiles = express.static('build/client', { maxAge: '1h' })
  // Pages and their `.data` twins are never files: don't look on disk for every request.
  app.use((req, res, next) => (PUBLIC_FILE.test(req.path) ? publicFiles(req, res, next) : next()))
}

app.use(requestContext({ secureCookies: env.NODE_ENV === 'production' && env.BASE_URL.startsWith('https:') }))
app.use(contentSecurity({ development: viteDevServer !== undefined }))
app.use(allowedMethods())
app.use(readableAddress())
app.use(csrfGuard({ trustProxy: env.TRUST_PROXY, baseUrl: env.BASE_URL }))
app.use(formBodies())
app.use(bodyLimits())
app.use(authenticate())
app.use(verifyJson())
const build = viteDevServer ? loadBuild : await loadBuild()
const jobs = await startJobs({ translate: mailTranslatorOf(typeof build === 'function' ? await build() : build) })
app.all(
  '*',
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (_req, res) => res.locals.context,
  }),
)
app.use(databaseAway())
app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
  logger.error({ err: error, requestId: res.locals.context?.requestId }, 'request failed')
  res.status(500).type('text/plain; charset=utf-8').send('Internal error / Внутренняя ошибка')
})

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info(
    { url: env.BASE_URL, port: env.PORT, pid: process.pid, node: process.version },
    'e-Training LMS is listening',
  )
})
// Longer than a load balancer's idle timeout (60 s is common) and than any lag of a busy event loop:
// Node's 5 s default closes kept-alive connections a client may be sending on at that moment.
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  // Stop taking connections, let requests in flight finish (a load balancer's kept-alive connections
  // included: server/drain.ts), then close the database cleanly (PGlite must flush to disk). Give up
  // after 10 s rather than hang a deploy.
  setTimeout(() => process.exit(1), 10_000).unref()
  // The queue stops taking jobs at once and lets the running ones finish while requests drain.
  const jobsStopped = jobs.stop().catch((error: unknown) => logger.error({ err: error }, 'job queue did not stop'))
  drain.drain(server, async () => {
    await jobsStopped
    await viteDevServer?.close()
    await getDatabase().close()
    process.exit(0)
  })
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
