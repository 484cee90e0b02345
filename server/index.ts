// Entry point: check the configuration before anything else is loaded, so a bad value ends start-up
// with one line naming the variable instead of a stack trace from whichever module read it first.
import { InvalidEnvironment, getEnv } from '~/utils/env.server'

try {
  getEnv()
} catch (error) {
  if (!(error instanceof InvalidEnvironment)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}

await import('./main')
