// Clean-ups of a script that starts servers and databases: run last in, first out (a server stops before
// its database goes), when the script ends, fails or is interrupted.
const tasks: (() => Promise<void>)[] = []

export function defer(task: () => Promise<void>) {
  tasks.push(task)
}

export async function cleanUp(log: (line: string) => void) {
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    await task().catch((error: unknown) => log(`cleanup failed: ${String(error)}`))
  }
}

/** Ctrl-C or a kill still cleans up, then exits with 130. */
export function cleanUpOnSignals(log: (line: string) => void) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp(log).finally(() => process.exit(130)))
  }
}

/** Runs the script: a failure is one line and exit code 1; the clean-ups run either way. */
export async function runMain(name: string, main: () => Promise<void>, log: (line: string) => void) {
  try {
    await main()
  } catch (error) {
    log(`${name}: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  } finally {
    await cleanUp(log)
  }
  // Idle keep-alive sockets from fetch would otherwise hold the process open for a few more seconds.
  process.exit()
}
