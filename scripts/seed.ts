// `npm run db:seed`: migrates, then adds the demo data unless the database already has users.
import { applyMigrations } from '~/modules/platform/migrate.server'
import { seedDemoData } from '~/modules/platform/seed.server'
import { getDatabase } from '~/utils/db.server'
import { runScript } from './run-script'

await runScript(async () => {
  const database = getDatabase()
  await applyMigrations({ sql: database.sql })
  const { seeded } = await seedDemoData()
  process.stdout.write(seeded ? 'Demo data created.\n' : 'The database already has users; nothing seeded.\n')
  await database.close()
})
