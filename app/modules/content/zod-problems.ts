import type { z } from 'zod'
import type { ProblemCode, ProblemParams } from './problems'

// The schemas' issues as problem codes with parameters, so the studio can name them in the author's
// language from the same check (ADR 027); the CLI keeps Zod's English message. Refinements of the
// package schema say which problem they found in `params.problem`.

export interface CodedProblem {
  code: ProblemCode
  params: ProblemParams
}

const EXPECTED: Record<string, ProblemCode> = {
  string: 'expectedText',
  number: 'expectedNumber',
  int: 'expectedInteger',
  boolean: 'expectedBoolean',
  array: 'expectedList',
  record: 'expectedMap',
  object: 'expectedMap',
}

/** Refinements' own problems (package.schema.ts): `params: { problem, …its parameters }`. */
export const REFINEMENT_CODES = [
  'needsLanguage',
  'duplicateId',
  'noCorrectOption',
  'singleOneCorrect',
  'noWrongOption',
  'poolTooSmall',
  'oneLine',
  'rowCells',
] as const
type RefinementCode = (typeof REFINEMENT_CODES)[number]
const isRefinement = (value: unknown): value is RefinementCode =>
  (REFINEMENT_CODES as readonly unknown[]).includes(value)

const list = (values: readonly unknown[]) => values.map(String).join(', ')
const limit = (value: number | bigint) => Number(value)

export function zodProblem(issue: z.core.$ZodIssue): CodedProblem {
  switch (issue.code) {
    case 'invalid_type':
      // Parsed with `reportInput`: a key that is absent has an input of undefined.
      if ('input' in issue && issue.input === undefined) return { code: 'required', params: {} }
      return { code: EXPECTED[issue.expected] ?? 'expectedOther', params: { expected: issue.expected } }
    case 'too_small': {
      const minimum = limit(issue.minimum)
      if (issue.origin === 'string')
        return minimum <= 1 ? { code: 'textEmpty', params: {} } : { code: 'textTooShort', params: { minimum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'listTooShort', params: { minimum } }
      return { code: 'numberTooSmall', params: { minimum } }
    }
    case 'too_big': {
      const maximum = limit(issue.maximum)
      if (issue.origin === 'string') return { code: 'textTooLong', params: { maximum } }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'listTooLong', params: { maximum } }
      return { code: 'numberTooLarge', params: { maximum } }
    }
    case 'invalid_format':
      return { code: issue.format === 'regex' ? 'slugFormat' : 'formatInvalid', params: {} }
    case 'invalid_value':
      return { code: 'valueNotAllowed', params: { values: list(issue.values) } }
    case 'unrecognized_keys':
      return { code: 'keysUnknown', params: { keys: list(issue.keys) } }
    case 'invalid_union':
      return 'discriminator' in issue && issue.discriminator
        ? { code: 'typeUnknown', params: { values: list((issue as { options?: unknown[] }).options ?? []) } }
        : { code: 'invalid', params: {} }
    case 'custom': {
      const { problem, ...params } = (issue.params ?? {}) as ProblemParams & { problem?: unknown }
      return isRefinement(problem) ? { code: problem, params } : { code: 'invalid', params: {} }
    }
    default:
      return { code: 'invalid', params: {} }
  }
}
