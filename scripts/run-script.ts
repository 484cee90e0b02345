import { MigrationDrift } from '~/modules/platform/migrations'
import { DatabaseUnavailable } from '~/utils/db-connect.server'
import { InvalidEnvironment } from '~/utils/env.server'

/** Runs a CLI task; a known failure prints one line instead of a stack trace. */
export async function runScript(task: () => Promise<void>) {
  try {
    await task()
  } catch (error) {
    if (
      error instanceof InvalidEnvironment ||
      error instanceof MigrationDrift ||
      error instanceof DatabaseUnavailable
    ) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}
