// `npm run courses:import [-- <dir>...] [-- --force]`: imports course packages into the configured
// database — all of them or, when any has an error or would overwrite work done in the studio since its
// last import, none. Importing the same packages again changes nothing.
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import type { ImportCounts } from '~/modules/content/import.server'
import { applyMigrations } from '~/modules/platform/migrate.server'
import type { StudioOverwrite } from '~/modules/studio/errors'
import { connectDatabase } from '~/utils/db-connect.server'
import { exitWith, parseCourseArgs, printProblems, resolvePackageDirs } from './lib/course-cli'
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
        ...result.overwrites.map(describe),
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
      for (const item of report.overwritten) process.stdout.write(`  overwritten: ${describe(item)}\n`)
    }
  } finally {
    await database.close()
  }
})

function counts({ created, updated, archived }: ImportCounts) {
  return `${created} new, ${updated} changed, ${archived} archived`
}

/** One line per item: `aeo/02-risk (en, ru): published in the studio as revision 3 on … by …`. */
function describe({ course, module, kind, locales, revision, media }: StudioOverwrite) {
  if (kind === 'media') return `${course}/media/${media ?? ''}: uploaded in the studio, not in the package as it is`
  if (module === null) return `${course}: created in the studio, never imported`
  const where = `${course}/${module} (${locales.join(', ')})`
  if (!revision) return `${where}: unpublished draft in the studio`
  const at = `${revision.publishedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  return `${where}: ${kind} in the studio as revision ${revision.number} on ${at} by ${revision.publishedBy}`
}
