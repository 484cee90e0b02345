// Entry point: check the configuration before anything else is loaded, so a bad value ends start-up
// with one line naming the variable instead of a stack trace from whichever module read it first.
import cluster from 'node:cluster'
import { InvalidEnvironment, appProcessCount, getEnv } from '~/utils/env.server'

let processes = 1
try {
  processes = appProcessCount(getEnv())
} catch (error) {
  if (!(error instanceof InvalidEnvironment)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}

if (cluster.isPrimary && processes > 1) {
  const { superviseWorkers } = await import('./primary')
  await superviseWorkers(processes)
} else {
  await import('./main')
}
