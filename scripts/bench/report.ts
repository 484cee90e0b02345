// Pieces of the benchmark report shared by the autocannon scenarios and the exam-start spike.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

/** Nearest-rank percentile of an ascending list; autocannon's histogram has no p95 and rounds to whole ms. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

export function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  return [line(rows[0]!), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n')
}

export const verdict = (passed: boolean) => (passed ? 'PASS' : 'BELOW GOAL')

export function redact(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

/**
 * The command that reproduces the run: the variables starting with `prefix` (credentials hidden) and the
 * arguments.
 */
export function commandLine({ script = 'bench', prefix = 'BENCH_' } = {}): string {
  const vars = Object.entries(process.env)
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, value]) => `${name}=${name.endsWith('_DATABASE_URL') ? redact(value!) : value} `)
  const args = process.argv.slice(2)
  return `${vars.join('')}npm run ${script}${args.length ? ` -- ${args.join(' ')}` : ''}`
}

/** Date, command and machine lines that head every results section. */
export function runHeader(loadAverage: string, command = commandLine()): string[] {
  const cpus = os.cpus()
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Command: \`${command}\``,
    `- Machine: ${cpus[0]?.model.trim()}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
      `Node ${process.version}, ${os.type()} ${os.release()}; load average ${loadAverage}`,
  ]
}

/** Replaces one section (`key`: engine, or engine and scenario) of the results block in BENCHMARKS.md, keeping the others. */
export function writeResults(key: string, title: string, body: string) {
  const file = 'BENCHMARKS.md'
  const [blockStart, blockEnd] = ['<!-- bench:start -->', '<!-- bench:end -->']
  const [start, end] = [`<!-- bench:${key}:start -->`, `<!-- bench:${key}:end -->`]
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  if (!text.includes(blockEnd)) text = `${text.trimEnd()}\n\n## Results\n\n${blockStart}\n${blockEnd}\n`
  const section = `${start}\n\n### ${title}\n\n${body}\n\n${end}`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + section + text.slice(to + end.length)
      : text.replace(blockEnd, `${section}\n\n${blockEnd}`)
  writeFileSync(file, text)
}
