// The matrix benchmark's work in its own process on the loaded database: what the load made, and the
// report queries timed one at a time, without HTTP or rendering. Import it only through
// `withLoadedDatabase`: the app reads its configuration once, on first use.
import { getCompletionMatrix, getCourseSummary } from '~/modules/manage/matrix.server'
import { getDatabase } from '~/utils/db.server'
import { countLoaded } from '../lib/load-dataset'
import { percentile } from './report'

/** What the load made, counted by the database. */
export const countLoadedRows = () => countLoaded({ sql: getDatabase().sql })

export async function findAdministration({ code }: { code: string }) {
  const [row] = await getDatabase().sql.query<{ id: string; officers: number }>(
    `SELECT a."id", (SELECT count(*) FROM "User" u WHERE u."administrationId" = a."id" AND u."role" = 'LEARNER')::int
              AS "officers"
     FROM "Administration" a WHERE a."code" = $1`,
    [code],
  )
  if (!row) throw new Error(`administration ${code} was not loaded`)
  return row
}

export interface Timing {
  name: string
  what: string
  runs: number
  p50: number
  p95: number
  max: number
}

async function time(name: string, what: string, runs: number, work: () => Promise<unknown>): Promise<Timing> {
  for (let run = 0; run < Math.min(10, runs); run++) await work() // plans and caches warm up
  const ms: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await work()
    ms.push(performance.now() - started)
  }
  ms.sort((a, b) => a - b)
  return { name, what, runs, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1)! }
}

/** The course summary (the part d), and for comparison the matrix queries behind a page and the export. */
export async function timeReports({ administrationId, runs }: { administrationId: string; runs: number }) {
  return [
    await time('course summary', 'getCourseSummary', runs, () => getCourseSummary({ administrationId })),
    await time('matrix data, page 1', 'getCompletionMatrix, 50 officers', runs, () =>
      getCompletionMatrix({ administrationId }),
    ),
    await time('matrix data, page 20', 'getCompletionMatrix, officers 951–1,000', runs, () =>
      getCompletionMatrix({ administrationId, page: 20 }),
    ),
    await time(
      'matrix data, every officer',
      "getCompletionMatrix({ page: 'all' }), as the export",
      Math.ceil(runs / 10),
      () => getCompletionMatrix({ administrationId, page: 'all' }),
    ),
  ]
}
