// `npm run lighthouse`: builds if needed, starts the production server on a free port with a fresh
// embedded database and the demo data, signs the demo accounts in, starts a quiz attempt, and runs
// Lighthouse (mobile preset, /usr/bin/chromium or CHROME_PATH) on the home, module, attempt, matrix and
// studio course pages in English and Russian. Prints a table and writes it into BENCHMARKS.md's
// "Lighthouse" section. Options:
//   --check        exit 1 when a page is below the goals (performance ≥ 98, the rest 100)
//   --runs N       N runs per page, the median (by performance score) reported; 1 by default
//   --label NAME   the run's name in BENCHMARKS.md ("latest" by default), so a before/after pair can be kept
//   --reports DIR  also save each page's full Lighthouse report (HTML) there
//   --only a,b     only these pages (home, module, attempt, matrix, studio) — BENCHMARKS.md is left as it is
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateReport } from 'lighthouse'
import { cleanUpOnSignals, defer, runMain } from './bench/cleanups'
import { startProductionServer } from './bench/server'
import { audit, meetsGoals, type Scores } from './lighthouse/audit'
import { assertServes, LANGUAGES, preparePages } from './lighthouse/pages'
import { commitLabel, failingAudits, report, resultsTable, writeSection, type PageResult } from './lighthouse/report'
import { createScratchDatabase } from './lib/scratch-database'

process.chdir(fileURLToPath(new URL('..', import.meta.url))) // paths below are relative to the project

const log = (line: string) => process.stderr.write(`${line}\n`)

function options() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      runs: { type: 'string', default: '1' },
      label: { type: 'string', default: 'latest' },
      reports: { type: 'string' },
      only: { type: 'string' },
    },
    allowPositionals: false,
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error(`--runs must be 1 to 9, not "${values.runs}"`)
  if (!/^[\w.-]{1,40}$/.test(values.label)) throw new Error('--label: letters, digits, dots and dashes only')
  const only = values.only?.split(',').map((name) => name.trim())
  return { check: values.check, runs, label: values.label, reports: values.reports, only }
}

/** A port nobody listens on now, on the loopback name the server is reached by. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function chromiumVersion(chromePath: string): string {
  try {
    return execFileSync(chromePath, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return chromePath
  }
}

async function main() {
  const { check, runs, label, reports, only } = options()
  const [loadBefore = 0] = os.loadavg()
  const commit = commitLabel() // now: the sources may be edited while the pages are audited
  execFileSync('node', ['scripts/build-if-needed.js'], { stdio: ['ignore', 'inherit', 'inherit'] })

  // The server is reached as `localhost`: the CSRF check compares Origin and Host with BASE_URL.
  const baseUrl = `http://localhost:${await freePort()}`
  const database = await createScratchDatabase({ serverUrl: undefined, prefix: 'lms_lighthouse' })
  defer(database.drop)
  log(`Starting the production server at ${baseUrl} on ${database.label}…`)
  // Generous: on a machine busy with other work the first start (argon2 hashes of the demo data) is slow.
  await startProductionServer({ database, baseUrl, logLevel: 'warn', readyTimeoutMs: 600_000 })
  const prepared = await preparePages(baseUrl)
  const { cookies } = prepared
  const pages = only ? prepared.pages.filter((page) => only.includes(page.name.split(' ')[0]!)) : prepared.pages
  if (pages.length === 0) throw new Error(`--only: no page called ${only?.join(', ')}`)

  if (reports) mkdirSync(reports, { recursive: true })

  const results: PageResult[] = []
  for (const page of pages) {
    for (const language of LANGUAGES) {
      const url = `${baseUrl}/${language}${page.path}`
      const cookie = page.user ? cookies.get(page.user) : undefined
      await assertServes(url, page, cookie)
      const measured: { scores: Scores; html: () => string }[] = []
      for (let run = 1; run <= runs; run++) {
        log(`${page.name} (${language})${runs > 1 ? `, run ${run} of ${runs}` : ''}: ${url}`)
        const { scores, lhr } = await audit(url, cookie)
        measured.push({ scores, html: () => generateReport(lhr, 'html') })
      }
      measured.sort((a, b) => a.scores.categories.performance - b.scores.categories.performance)
      const median = measured[Math.floor(measured.length / 2)]!
      if (reports) {
        const file = path.join(reports, `${page.name.replace(/\W+/g, '-')}-${language}.html`)
        writeFileSync(file, median.html())
      }
      results.push({ page: page.name, language, path: page.path, scores: median.scores })
    }
  }

  const [loadAfter = 0] = os.loadavg()
  const chromium = chromiumVersion(process.env.CHROME_PATH ?? '/usr/bin/chromium')
  process.stdout.write(`\n${resultsTable(results)}\n\n${failingAudits(results).join('\n')}\n`)
  // A partial run would replace a full one with fewer pages.
  if (!only) {
    writeSection(label, report({ results, runs, loadBefore, loadAfter, chromium, commit }))
    log(`BENCHMARKS.md updated (Lighthouse: ${label}).`)
  }
  const below = results.filter(({ scores }) => !meetsGoals(scores))
  if (check && below.length > 0) {
    throw new Error(`below the goals: ${below.map(({ page, language }) => `${page} (${language})`).join(', ')}`)
  }
}

cleanUpOnSignals(log)
await runMain('lighthouse', main, log)
