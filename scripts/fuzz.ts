// `npm run fuzz`: the fuzz test's random requests to every route (tests/support/fuzz), many more of
// them and with a new seed each run. FUZZ_RUNS (default 5000) requests; FUZZ_SEED replays a run, and a
// failure prints its seed and shrinks the request that failed to a small one.
import { startAppServer } from '../tests/support/app-server'
import { fuzzApp } from '../tests/support/fuzz/run'
import { positiveInt } from './bench/options'

/** The options from the environment; a bad one ends the script with one line. */
function options() {
  try {
    const numRuns = positiveInt('FUZZ_RUNS', 5000)
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not "${process.env.FUZZ_SEED}"`)
    return { numRuns, seed }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    return process.exit(1)
  }
}

const { numRuns, seed } = options()
process.stdout.write(`Fuzzing with seed ${seed}: ${numRuns} requests…\n`)
const server = await startAppServer()
const started = performance.now()
try {
  const { runs, routes } = await fuzzApp(server, { seed, numRuns })
  const seconds = Math.round((performance.now() - started) / 1000)
  process.stdout.write(`${runs} requests to ${routes} routes in ${seconds} s: no 5xx, no stack trace.\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\nServer log:\n${server.output()}\n`)
  process.exitCode = 1
} finally {
  await server.stop()
}
