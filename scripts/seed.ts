// `npm run db:seed`: migrates, imports the shipped courses into an empty catalogue, then adds the demo
// accounts and the demo officers' training records unless the database already has users.
import { prepareDatabase } from '~/setup/startup.server'
import { getDatabase } from '~/utils/db.server'
import { runScript } from './run-script'

await runScript(async () => {
  const { seeded } = await prepareDatabase({ seedDemo: true })
  process.stdout.write(seeded ? 'Demo data created.\n' : 'The database already has users; nothing seeded.\n')
  await getDatabase().close()
})
