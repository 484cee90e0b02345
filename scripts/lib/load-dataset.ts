// The large dataset of `npm run seed:load`: administrations from load-administrations.ts, each loaded
// in one transaction of set-based SQL (load-sql.ts), so a run that stops half-way leaves whole
// administrations behind and the next run adds only the missing ones. Works on PostgreSQL and PGlite.
import type { SqlExecutor, SqlRunner } from '~/utils/db.server'
import { LOAD_ADMINISTRATIONS, LOAD_EMAIL_DOMAIN, loadCode, managerEmail } from './load-administrations'
import { buildAttemptDraws, DRAWS_PER_QUIZ } from './load-attempts'
import { ATTEMPTS, bind, CERTIFICATES, ENROLMENT_PLAN, ENROLMENTS, OFFICERS, PROGRESS, SETUP } from './load-sql'

export const MAX_ADMINISTRATIONS = LOAD_ADMINISTRATIONS.length

export interface LoadResult {
  created: string[]
  /** Codes already in the database: left exactly as they were. */
  skipped: string[]
}

async function run(tx: SqlExecutor, statements: string | string[], params: Record<string, unknown>) {
  for (const statement of [statements].flat()) await tx.query(...bind(statement, params))
}

/** Between 35 % and 65 % of enrolments completed, different from one administration to the next. */
const completionShare = (index: number) => 0.35 + (0.3 * ((index * 7) % 10)) / 9

/**
 * Loads the first `administrations` of the list with `officers` officers each (skipping those already
 * there), then VACUUM ANALYZEs, as after any bulk load: the planner knows the new sizes at once, and
 * autovacuum does not work through millions of new rows while the benchmark measures pages.
 * `passwordHash` is every account's.
 */
export async function loadDataset({
  sql,
  administrations,
  officers,
  passwordHash,
  now = new Date(),
  log = () => {},
}: {
  sql: SqlRunner
  administrations: number
  officers: number
  passwordHash: string
  now?: Date
  log?: (line: string) => void
}): Promise<LoadResult> {
  const chosen = LOAD_ADMINISTRATIONS.slice(0, administrations)
  const present = new Set(
    (
      await sql.query<{ code: string }>(`SELECT "code" FROM "Administration" WHERE "code" = ANY($1::text[])`, [
        chosen.map((administration) => loadCode(administration.cc)),
      ])
    ).map((row) => row.code),
  )
  const draws = JSON.stringify(await buildAttemptDraws({ sql }))
  const result: LoadResult = { created: [], skipped: [] }
  for (const [index, spec] of chosen.entries()) {
    const code = loadCode(spec.cc)
    if (present.has(code)) {
      result.skipped.push(code)
      continue
    }
    const started = performance.now()
    await sql.transaction(async (tx) => {
      const base = { now: now.toISOString(), passwordHash }
      const [administration] = await tx.query<{ id: string }>(
        ...bind(
          `INSERT INTO "Administration" ("id", "code", "name", "isDemo", "createdAt")
           VALUES (gen_random_uuid()::text, $code, $name::jsonb, true, ($now::timestamptz AT TIME ZONE 'UTC') - interval '600 days')
           RETURNING "id"`,
          { ...base, code, name: JSON.stringify(spec.name) },
        ),
      )
      const administrationId = administration!.id
      await run(
        tx,
        `INSERT INTO "Unit" ("id", "administrationId", "name")
         SELECT gen_random_uuid()::text, $administrationId::text, u FROM unnest($units::text[]) u`,
        { administrationId, units: spec.units },
      )
      const [manager] = await tx.query<{ id: string }>(
        ...bind(
          `INSERT INTO "User" ("id", "email", "displayName", "role", "administrationId", "preferredLocale",
             "passwordHash", "createdAt", "updatedAt")
           SELECT gen_random_uuid()::text, $email::text, $displayName::text, 'MANAGER', $administrationId::text,
                  $locale::text, $passwordHash::text, t, t
           FROM (SELECT ($now::timestamptz AT TIME ZONE 'UTC') - interval '600 days' AS t) c
           RETURNING "id"`,
          {
            ...base,
            email: managerEmail(spec.cc),
            displayName: `${spec.given.female[0]} ${spec.surnames[1]![1]}`,
            administrationId,
            locale: spec.locale,
          },
        ),
      )
      const params = {
        ...base,
        administrationId,
        managerId: manager!.id,
        draws,
        drawCount: DRAWS_PER_QUIZ,
        officers,
        domain: `${spec.cc.toLowerCase()}.${LOAD_EMAIL_DOMAIN}`,
        names: JSON.stringify({ ...spec.given, surnames: spec.surnames, familyFirst: spec.familyFirst ?? false }),
        locale: spec.locale,
        otherLocale: spec.locale === 'en' ? 'ru' : 'en',
        completion: completionShare(index),
      }
      await run(tx, SETUP, params)
      await run(tx, OFFICERS, params)
      await run(tx, ENROLMENT_PLAN, params)
      await run(tx, ENROLMENTS, params)
      await run(tx, PROGRESS, params)
      await run(tx, ATTEMPTS, params)
      await run(tx, CERTIFICATES, params)
    })
    result.created.push(code)
    log(`${code}: ${officers} officers in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  if (result.created.length > 0) await sql.exec('VACUUM ANALYZE')
  return result
}

export interface LoadCounts {
  administrations: number
  officers: number
  enrolments: number
  moduleProgress: number
  quizAttempts: number
  attemptAnswers: number
  certificates: number
}

/** Rows that belong to the loaded administrations (LOAD-…), counted by the database. */
export async function countLoaded({ sql }: { sql: SqlExecutor }): Promise<LoadCounts> {
  const [counts] = await sql.query<LoadCounts>(`
    WITH a AS (SELECT "id" FROM "Administration" WHERE "code" LIKE 'LOAD-%'),
         u AS (SELECT "id" FROM "User" WHERE "administrationId" IN (SELECT "id" FROM a) AND "role" = 'LEARNER')
    SELECT (SELECT count(*) FROM a)::int AS "administrations",
           (SELECT count(*) FROM u)::int AS "officers",
           (SELECT count(*) FROM "Enrolment" WHERE "userId" IN (SELECT "id" FROM u))::int AS "enrolments",
           (SELECT count(*) FROM "ModuleProgress" WHERE "userId" IN (SELECT "id" FROM u))::int AS "moduleProgress",
           (SELECT count(*) FROM "QuizAttempt" WHERE "userId" IN (SELECT "id" FROM u))::int AS "quizAttempts",
           (SELECT count(*) FROM "AttemptAnswer" x JOIN "QuizAttempt" q ON q."id" = x."attemptId"
            WHERE q."userId" IN (SELECT "id" FROM u))::int AS "attemptAnswers",
           (SELECT count(*) FROM "Certificate" WHERE "userId" IN (SELECT "id" FROM u))::int AS "certificates"`)
  return counts!
}

/**
 * Accounts that are neither demo nor load-test ones. The load gives every account the demo password,
 * so it runs only where such accounts are all there is: never on a real installation.
 */
export async function countOtherAccounts({ sql }: { sql: SqlExecutor }): Promise<number> {
  const [table] = await sql.query<{ exists: boolean }>(`SELECT to_regclass('"User"') IS NOT NULL AS "exists"`)
  if (!table?.exists) return 0 // not migrated yet: nobody there
  const [row] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "User" WHERE "email" NOT LIKE '%@demo.test' AND "email" NOT LIKE $1`,
    [`%.${LOAD_EMAIL_DOMAIN}`],
  )
  return row!.count
}
