// What `courses:validate` and `courses:import` share: reading their arguments and printing problems.
import { stat } from 'node:fs/promises'
import { findCoursePackageDirs } from '~/modules/content/package-loader.server'
import { formatProblem, type Problem } from '~/modules/content/problems'

/** Splits `[<dir>...] [--flag...]`, refusing flags not in `known`. */
export function parseCourseArgs({ args, known, usage }: { args: string[]; known: string[]; usage: string }) {
  const unknown = args.filter((arg) => arg.startsWith('-') && !known.includes(arg))
  if (unknown.length > 0) exitWith([`unknown option ${unknown.join(', ')}`, usage])
  return {
    flags: new Set(args.filter((arg) => arg.startsWith('-'))),
    given: args.filter((arg) => !arg.startsWith('-')),
  }
}

/** Package folders named by the arguments: each is one package or a folder of packages; ./courses by default. */
export async function resolvePackageDirs(given: string[]): Promise<string[]> {
  const dirs: string[] = []
  const notFound: string[] = []
  for (const dir of given.length > 0 ? given : ['courses']) {
    const isDir = await stat(dir).then(
      (info) => info.isDirectory(),
      () => false,
    )
    const found = isDir ? await findCoursePackageDirs({ dir }) : []
    if (!isDir) notFound.push(`${dir}: no such folder`)
    else if (found.length === 0) notFound.push(`${dir}: no course package (no course.yaml in it or in its subfolders)`)
    dirs.push(...found)
  }
  if (notFound.length > 0) exitWith(notFound)
  return dirs
}

/** Errors to stderr, warnings to stdout; returns the number of errors. */
export function printProblems(problems: Problem[]): number {
  for (const problem of problems) {
    if (problem.severity === 'error') process.stderr.write(`${formatProblem(problem)}\n`)
    else process.stdout.write(`warning: ${formatProblem(problem)}\n`)
  }
  return problems.filter((problem) => problem.severity === 'error').length
}

export function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

export function exitWith(lines: string[]): never {
  process.stderr.write(lines.map((line) => `${line}\n`).join(''))
  process.exit(1)
}
