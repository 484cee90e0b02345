// `npm run courses:validate [-- <dir>...] [--strict]`: checks course packages and lists every problem.
import { loadCoursePackages } from '~/modules/content/package-loader.server'
import { parseCourseArgs, plural, printProblems, resolvePackageDirs } from './lib/course-cli'

const { flags, given } = parseCourseArgs({
  args: process.argv.slice(2),
  known: ['--strict'],
  usage: 'usage: npm run courses:validate [-- <dir>...] [--strict]',
})
const dirs = await resolvePackageDirs(given)
const { problems } = await loadCoursePackages({ dirs, strict: flags.has('--strict') })
const errors = printProblems(problems)
process.stdout.write(
  `${plural(dirs.length, 'package')} checked: ${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}\n`,
)
process.exitCode = errors > 0 ? 1 : 0
