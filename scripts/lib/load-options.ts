// Command-line and environment options of `npm run seed:load`.
import { MAX_ADMINISTRATIONS } from './load-dataset'

export interface LoadOptions {
  administrations: number
  officers: number
}

export const LOAD_USAGE = `usage: npm run seed:load [-- --administrations 1-${MAX_ADMINISTRATIONS}] [--officers N]`

function count(name: string, raw: string, max: number): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}, not "${raw}"`)
  return value
}

/** `--administrations N --officers N` (or `--name=N`), else LOAD_ADMINISTRATIONS and LOAD_OFFICERS; 20 × 2,500. */
export function parseLoadOptions(args: string[], env: Record<string, string | undefined>): LoadOptions {
  const given = new Map<string, string>()
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === '--') continue
    const match = /^--(administrations|officers)(?:=(.*))?$/.exec(arg)
    const value = match?.[2] ?? args[++index]
    if (!match || value === undefined) throw new Error(LOAD_USAGE)
    given.set(match[1]!, value)
  }
  return {
    administrations: count(
      '--administrations',
      given.get('administrations') ?? env.LOAD_ADMINISTRATIONS ?? '20',
      MAX_ADMINISTRATIONS,
    ),
    officers: count('--officers', given.get('officers') ?? env.LOAD_OFFICERS ?? '2500', 99_999),
  }
}
