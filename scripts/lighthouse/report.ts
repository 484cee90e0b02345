// The Lighthouse table, printed and written into BENCHMARKS.md's "Lighthouse" section.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { markdownTable, runHeader, commandLine } from '../bench/report'
import { CATEGORIES, GOALS, meetsGoals, type Scores } from './audit'

export interface PageResult {
  page: string
  language: string
  path: string
  scores: Scores
}

/** The commit measured, and whether the working tree differed from it (BENCHMARKS.md itself aside). */
export function commitLabel(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() && !line.endsWith('BENCHMARKS.md'))
    return changed.length > 0 ? `${commit} with uncommitted changes` : commit
  } catch {
    return 'unknown (not a git checkout)'
  }
}

const short: Record<(typeof CATEGORIES)[number], string> = {
  performance: 'Perf',
  accessibility: 'A11y',
  'best-practices': 'Best pr.',
  seo: 'SEO',
}

export function resultsTable(results: PageResult[]): string {
  const header = [
    'Page',
    'Lang',
    ...CATEGORIES.map((c) => short[c]),
    'TBT ms',
    'Main thread ms',
    'JS KiB',
    'CPU index',
    'Goals',
  ]
  const rows = results.map(({ page, language, scores }) => [
    page,
    language,
    ...CATEGORIES.map((category) => String(scores.categories[category])),
    scores.tbt.toFixed(0),
    scores.mainThread.toFixed(0),
    (scores.scriptBytes / 1024).toFixed(1),
    scores.cpuIndex.toFixed(0),
    meetsGoals(scores) ? 'met' : 'BELOW GOAL',
  ])
  return markdownTable([header, ...rows])
}

/** Each failing audit once, with the pages where it failed. */
export function failingAudits(results: PageResult[]): string[] {
  const byAudit = new Map<string, { title: string; category: string; detail: string; pages: string[] }>()
  for (const { page, language, scores } of results) {
    for (const failed of scores.failing) {
      const entry = byAudit.get(failed.id) ?? { ...failed, pages: [] }
      entry.pages.push(`${page} (${language})`)
      byAudit.set(failed.id, entry)
    }
  }
  return [...byAudit.entries()].map(
    ([id, { title, category, detail, pages }]) =>
      `- ${category} · \`${id}\` ${title}${detail ? ` — ${detail.replace(/\s+/g, ' ')}` : ''}: ${pages.join(', ')}`,
  )
}

export function report({
  results,
  runs,
  loadBefore,
  loadAfter,
  chromium,
  commit,
}: {
  commit: string
  results: PageResult[]
  runs: number
  loadBefore: number
  loadAfter: number
  chromium: string
}): string {
  const failing = failingAudits(results)
  return [
    ...runHeader(
      `${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
      commandLine({ script: 'lighthouse', prefix: 'LIGHTHOUSE_' }),
    ),
    `- Commit: ${commit}`,
    `- Browser: ${chromium}; Lighthouse mobile preset (simulated slow 4G, 4× CPU slowdown)` +
      `${runs > 1 ? `; median of ${runs} runs per page (by performance score)` : '; one run per page'}`,
    "- CPU index: Lighthouse's benchmark of this machine's CPU in that run (higher is faster); the simulated slowdown" +
      ' multiplies what this CPU took, so a slower or busier machine scores lower on the same code',
    `- Goals: ${CATEGORIES.map((c) => `${short[c]} ≥ ${GOALS[c]}`).join(', ')}`,
    '',
    resultsTable(results),
    '',
    failing.length > 0 ? 'Audits below 90 %:' : 'No audit below 90 %.',
    ...(failing.length > 0 ? ['', ...failing] : []),
  ].join('\n')
}

/** Replaces the `label` run of the Lighthouse section in BENCHMARKS.md, keeping other runs and the text around them. */
export function writeSection(label: string, body: string, file = 'BENCHMARKS.md') {
  const [blockStart, blockEnd] = ['<!-- lighthouse:start -->', '<!-- lighthouse:end -->']
  const [start, end] = [`<!-- lighthouse:${label}:start -->`, `<!-- lighthouse:${label}:end -->`]
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  if (!text.includes(blockEnd)) text = `${text.trimEnd()}\n\n## Lighthouse\n\n${blockStart}\n${blockEnd}\n`
  const section = `${start}\n\n### Lighthouse: ${label}\n\n${body}\n\n${end}`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + section + text.slice(to + end.length)
      : text.replace(blockEnd, `${section}\n\n${blockEnd}`)
  writeFileSync(file, text)
}
