// `npm run courses:import [-- <dir>...] [-- --force]`: imports course packages into the configured
// database — all of them or, when any has an error or would overwrite work done in the studio since its
// last import, none. Importing the same packages again changes nothing.
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import type { ImportCounts } from '~/modules/content/import.server'
import { applyMigrations } from '~/modules/platform/migrate.server'
import { connectDatabase } from '~/utils/db-connect.server'
import { exitWith, parseCourseArgs, printProblems, resolvePackageDirs } from './lib/course-cli'
import { describeOverwrite } from './lib/overwrite-lines'
import { runScript } from './run-script'

await runScript(async () => {
  const { given, flags } = parseCourseArgs({
    args: process.argv.slice(2),
    known: ['--force'],
    usage: 'usage: npm run courses:import [-- <dir>...] [--force]',
  })
  const dirs = await resolvePackageDirs(given)
  const database = await connectDatabase()
  try {
    await applyMigrations({ sql: database.sql })
    const result = await importCoursesFromDisk({ dirs, force: flags.has('--force') })
    printProblems(result.problems)
    if (result.status === 'invalid') exitWith(['Nothing was imported: fix the errors above and run again.'])
    if (result.status === 'refused') {
      exitWith([
        ...result.overwrites.map(describeOverwrite),
        'Nothing was imported: these were changed in the studio since their last import.',
        'Run again with --force to overwrite them (drafts are reset to the package; published revisions stay',
        "in each module's history), or name only the other packages: npm run courses:import -- <dir>...",
      ])
    }
    for (const report of result.reports) {
      process.stdout.write(
        `${report.course}: ${report.outcome}` +
          (report.outcome === 'unchanged'
            ? '\n'
            : ` (modules ${counts(report.modules)}; questions ${counts(report.questions)})\n`),
      )
      for (const item of report.overwritten) process.stdout.write(`  overwritten: ${describeOverwrite(item)}\n`)
    }
  } finally {
    await database.close()
  }
})

function counts({ created, updated, archived }: ImportCounts) {
  return `${created} new, ${updated} changed, ${archived} archived`
}
