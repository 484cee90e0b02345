// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { applyMigrations } from '~/modules/platform/migrate.server'
import { connectDatabase } from '~/utils/db-connect.server'
import { runScript } from './run-script'

await runScript(async () => {
  const database = await connectDatabase()
  const { applied } = await applyMigrations({ sql: database.sql })
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n')
  await database.close()
})
