// Every route, driven over HTTP with random methods, addresses, content types and bodies
// (tests/support/fuzz): no answer may be a 5xx or show a stack trace. A fixed seed and a bounded
// number of requests here; `npm run fuzz` runs longer, with another seed each time.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startAppServer, type AppServer } from '../support/app-server'
import { fuzzApp } from '../support/fuzz/run'

let server: AppServer
beforeAll(async () => {
  server = await startAppServer()
}, 150_000)
afterAll(async () => {
  await server?.stop()
})

it('answers random requests to every route without a 5xx', { timeout: 120_000 }, async () => {
  const result = await fuzzApp(server, { seed: 20261213, numRuns: 1000, endOnFailure: true })
  expect(result.routes).toBeGreaterThan(25)
})
