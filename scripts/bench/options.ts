// Command-line and environment options of `npm run bench`.

// `certificates` and `regrade` run in this process, without a server: first, before the servers' load raises the
// load average.
export const PARTS = ['certificates', 'regrade', 'autocannon', 'studio', 'package', 'spike', 'matrix'] as const
export type Part = (typeof PARTS)[number]

export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`)
  return value
}

/** `--only a,b` (or `--only=a,b`) or BENCH_ONLY=a,b; every part when neither is given. */
export function selectedParts(args = process.argv.slice(2)): Part[] {
  const at = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='))
  const inline = at >= 0 && args[at]!.startsWith('--only=')
  const optionValue = at >= 0 && !inline ? at + 1 : -1
  const unknownArg = args.find((arg, index) => index !== at && index !== optionValue && arg !== '--')
  if (unknownArg !== undefined || (at >= 0 && !inline && args[at + 1] === undefined))
    throw new Error(`usage: npm run bench [-- --only ${PARTS.join('|')}]`)
  const raw = at < 0 ? process.env.BENCH_ONLY : inline ? args[at]!.slice('--only='.length) : args[at + 1]
  if (!raw) return [...PARTS]
  const wanted = raw.split(',').map((part) => part.trim())
  const unknown = wanted.filter((part) => !(PARTS as readonly string[]).includes(part))
  if (unknown.length > 0) throw new Error(`unknown part "${unknown.join(', ')}": choose from ${PARTS.join(', ')}`)
  return PARTS.filter((part) => wanted.includes(part))
}
