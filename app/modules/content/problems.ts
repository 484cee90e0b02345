import type { z } from 'zod'
import { REFINEMENT_CODES, zodProblem } from './zod-problems'

/** One thing wrong (or worth a look) in a course package, pinned to a file and a field in it. */
export interface Problem {
  /** Relative to the working directory, e.g. `courses/aeo/modules/02-criteria/quiz.yaml`. */
  file: string
  /** Field inside the file (`questions[3].options`), `line 12` for Markdown, or empty for the whole file. */
  path: string
  message: string
  severity: 'error' | 'warning'
  /** What the studio translates instead of `message`. */
  code?: ProblemCode
  params?: ProblemParams
}

/**
 * Every problem the package validator names, as a code the studio translates (the CLI prints `message`,
 * the same check's English): a module body's or title's, the package's files and folders', the final
 * exam's draw, and the schemas' (`zodProblem`).
 */
export const PROBLEM_CODES = [
  // module bodies and titles (package-body.server.ts, studio publish)
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
  'figureCaptionMissing',
  'glossaryTermUnknown',
  'glossaryTermTaken',
  'missingTranslation',
  'invalid',
  // files and folders (package-loader.server.ts)
  'yamlSyntax',
  'yamlUnreadable',
  'courseYamlMissing',
  'moduleYamlMissing',
  'moduleSlugMismatch',
  'bodyLocaleUnknown',
  'moduleFileUnexpected',
  'moduleBodyMissing',
  'modulesFileUnexpected',
  'moduleFolderName',
  'modulesMissing',
  'folderNumberTaken',
  'moduleSlugTaken',
  'questionSlugTaken',
  'courseSlugTaken',
  'examMissing',
  'examNotAllowed',
  'mediaUnused',
  'mediaSubfolder',
  'mediaType',
  'referencesMissing',
  'examDrawNotPerModule',
  'jobAidFileName',
  'jobAidSlugTaken',
  'jobAidModuleUnknown',
  'jobAidTooLong',
  // the final exam's draw (exam-draw.ts)
  'moduleOutsideExam',
  'perModuleOutsideExam',
  'moduleUnknown',
  'moduleMissing',
  'moduleTooFewQuestions',
  'perModuleTotal',
  // the schemas (zod-problems.ts)
  'required',
  'expectedText',
  'expectedNumber',
  'expectedInteger',
  'expectedBoolean',
  'expectedList',
  'expectedMap',
  'expectedOther',
  'textEmpty',
  'textTooShort',
  'textTooLong',
  'listTooShort',
  'listTooLong',
  'numberTooSmall',
  'numberTooLarge',
  'slugFormat',
  'formatInvalid',
  'valueNotAllowed',
  'keysUnknown',
  'typeUnknown',
  ...REFINEMENT_CODES,
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
    ...zodProblem(issue),
  }))
}

/** `path/to/file: field.path: message`, the form editors and CI logs make clickable. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`
}
