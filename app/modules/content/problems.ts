import type { z } from 'zod'

/** One thing wrong (or worth a look) in a course package, pinned to a file and a field in it. */
export interface Problem {
  /** Relative to the working directory, e.g. `courses/aeo/modules/02-criteria/quiz.yaml`. */
  file: string
  /** Field inside the file (`questions[3].options`), `line 12` for Markdown, or empty for the whole file. */
  path: string
  message: string
  severity: 'error' | 'warning'
  /** What the studio translates instead of `message` (set by the checks it runs on drafts). */
  code?: ProblemCode
  params?: ProblemParams
}

/** Problems a module body or title can have, as the studio names them to the author in their language. */
export const PROBLEM_CODES = [
  'empty',
  'levelOneHeading',
  'rawHtml',
  'unsafeLink',
  'imageReference',
  'footnote',
  'imageAltMissing',
  'imageWebAddress',
  'imageAbsolute',
  'imageOutsidePackage',
  'imageInvalid',
  'imageNotInMedia',
  'imageNotFound',
  'missingTranslation',
  'invalid',
] as const
export type ProblemCode = (typeof PROBLEM_CODES)[number]

export type ProblemParams = Record<string, string | number>

/** `['questions', 3, 'options']` → `questions[3].options`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`
      const name = typeof key === 'symbol' ? key.toString() : key
      return index === 0 ? name : `.${name}`
    })
    .join('')
}

export function problemsFromZodError(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    path: formatIssuePath(issue.path),
    message: issue.message,
    severity: 'error',
  }))
}

/** `path/to/file: field.path: message`, the form editors and CI logs make clickable. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`
}
