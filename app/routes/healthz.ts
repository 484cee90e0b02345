import { checkDatabase } from '~/modules/platform/health.server'

export async function loader() {
  const db = await checkDatabase()
  return Response.json(db ? { status: 'ok', db: 'ok' } : { status: 'error', db: 'unreachable' }, {
    status: db ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
