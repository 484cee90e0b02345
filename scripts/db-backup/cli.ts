// The command line of `npm run db:backup` and `npm run db:restore`: a file, `--force`, and errors in one line.
import { statSync } from 'node:fs'
import { getEnv } from '~/utils/env.server'
import { runScript } from '../run-script'
import { BackupError } from './files'

export interface BackupArgs {
  file: string | undefined
  force: boolean
}

export function parseArgs(args: string[], usage: string): BackupArgs {
  const options = args.filter((arg) => arg !== '--')
  const unknown = options.filter((arg) => arg.startsWith('-') && arg !== '--force')
  const files = options.filter((arg) => !arg.startsWith('-'))
  if (unknown.length > 0 || files.length > 1) throw new BackupError(`usage: ${usage}`)
  return { file: files[0], force: options.includes('--force') }
}

/** The configured database, as the server would open it. */
export function configuredDatabase() {
  const env = getEnv()
  return env.DATABASE_URL
    ? ({ engine: 'postgres', url: env.DATABASE_URL } as const)
    : ({ engine: 'pglite', dataDir: env.PGLITE_DIR } as const)
}

export const size = (file: string) => `${(statSync(file).size / 2 ** 20).toFixed(1)} MB`

/** Runs the command; what it returns is printed, a known failure is one line on stderr and exit code 1. */
export async function runBackupCommand(usage: string, task: (args: BackupArgs) => Promise<string>) {
  try {
    await runScript(async () => {
      process.stdout.write(`${await task(parseArgs(process.argv.slice(2), usage))}\n`)
    })
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}
