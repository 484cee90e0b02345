// `npm run courses:import [-- <dir>...]`: imports course packages into the configured database —
// all of them or, when any has an error, none. Importing the same packages again changes nothing.
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import type { ImportCounts } from '~/modules/content/import.server'
import { applyMigrations } from '~/modules/platform/migrate.server'
import { connectDatabase } from '~/utils/db-connect.server'
import { exitWith, parseCourseArgs, printProblems, resolvePackageDirs } from './lib/course-cli'
import { runScript } from './run-script'

await runScript(async () => {
  const { given } = parseCourseArgs({
    args: process.argv.slice(2),
    known: [],
    usage: 'usage: npm run courses:import [-- <dir>...]',
  })
  const dirs = await resolvePackageDirs(given)
  const database = await connectDatabase()
  try {
    await applyMigrations({ sql: database.sql })
    const result = await importCoursesFromDisk({ dirs })
    printProblems(result.problems)
    if (result.status === 'invalid') exitWith(['Nothing was imported: fix the errors above and run again.'])
    for (const report of result.reports) {
      process.stdout.write(
        `${report.course}: ${report.outcome}` +
          (report.outcome === 'unchanged'
            ? '\n'
            : ` (modules ${counts(report.modules)}; questions ${counts(report.questions)})\n`),
      )
    }
  } finally {
    await database.close()
  }
})

function counts({ created, updated, archived }: ImportCounts) {
  return `${created} new, ${updated} changed, ${archived} archived`
}
