// `npm run seed:load`: a large, realistic dataset on PostgreSQL for reports and benchmarks: by default
// 20 administrations × 2,500 officers with enrolments, progress, attempts and certificates (see
// scripts/lib/load-*.ts). The database is first prepared as the app's first start does (migrations,
// demo data, shipped courses). Administrations already loaded are skipped, so a second run adds only
// what is missing. Smaller: `npm run seed:load -- --administrations 2 --officers 200`.
import { fileURLToPath } from 'node:url'
import { LOAD_ADMINISTRATIONS, managerEmail } from './lib/load-administrations'
import { countLoaded, countOtherAccounts, loadDataset } from './lib/load-dataset'
import { parseLoadOptions } from './lib/load-options'
import { runScript } from './run-script'

process.chdir(fileURLToPath(new URL('..', import.meta.url))) // COURSES_DIR is relative to the project
// The start-up's info lines would drown the summary. Set before the app's modules load: the logger
// reads it once, when first imported.
process.env.LOG_LEVEL ||= 'warn'
const { hashPassword } = await import('~/modules/auth/password.server')
const { DEMO_PASSWORD } = await import('~/setup/demo-data')
const { prepareDatabase } = await import('~/setup/startup.server')
const { connectDatabase } = await import('~/utils/db-connect.server')
const { getEnv } = await import('~/utils/env.server')

const say = (line: string) => process.stdout.write(`${line}\n`)
const fail = (line: string) => {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

await runScript(async () => {
  let options
  try {
    options = parseLoadOptions(process.argv.slice(2), process.env)
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
  if (!getEnv().DATABASE_URL)
    return fail(
      'seed:load needs PostgreSQL: set DATABASE_URL=postgres://… (the embedded PGlite is not for a million rows).',
    )
  const started = performance.now()
  const database = await connectDatabase()
  // Checked before anything is written, migrations included.
  const others = await countOtherAccounts({ sql: database.sql })
  if (others > 0) {
    await database.close()
    return fail(
      `seed:load refuses: the database has accounts other than the demo and load-test ones (${others}), and ` +
        'every loaded account gets the demo password. Use a database of its own.',
    )
  }
  await prepareDatabase()
  say(`Loading ${options.administrations} administrations × ${options.officers} officers…`)
  const { created, skipped } = await loadDataset({
    sql: database.sql,
    ...options,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    log: (line) => say(`  ${line}`),
  })
  if (skipped.length > 0) say(`Already loaded, left as they were: ${skipped.join(', ')}`)
  const counts = await countLoaded({ sql: database.sql })
  await database.close()
  const seconds = (performance.now() - started) / 1000
  const number = (value: number) => value.toLocaleString('en')
  say(
    created.length === 0
      ? 'Nothing new to load.'
      : `Loaded ${created.length} administrations in ${Math.floor(seconds / 60)} min ${(seconds % 60).toFixed(0)} s.`,
  )
  say('Load-test data in the database now:')
  for (const [name, value] of Object.entries(counts)) say(`  ${name.padEnd(16)} ${number(value).padStart(10)}`)
  const progressRows = counts.moduleProgress + counts.quizAttempts + counts.attemptAnswers
  say(`  ${'progress rows'.padEnd(16)} ${number(progressRows).padStart(10)} (module progress, attempts and answers)`)
  const firstManager = managerEmail(LOAD_ADMINISTRATIONS[0]!.cc)
  say(`Sign in as ${firstManager} (a manager per administration) with the demo password.`)
})
