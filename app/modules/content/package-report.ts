import { relative } from 'node:path'
import type { z } from 'zod'
import type { Locale } from '~/i18n/config'
import { problemsFromZodError, type Problem, type ProblemCode, type ProblemParams } from './problems'

/** Paths in problems are relative to the working directory, as an editor or CI log shows them. */
export const display = (file: string) => relative(process.cwd(), file) || '.'

export type PackageReport = ReturnType<typeof createReport>

/**
 * `strict`: translations must be complete (`courses:validate --strict`, an instructor's upload, a studio
 * publish). `shipped`: the second edition's rules too (issue 17: references, captions, a per-module exam
 * draw), which the courses we ship must keep and an administration's own course hears as advice (ADR 037).
 */
export function createReport({ strict, shipped }: { strict: boolean; shipped: boolean }) {
  const problems: Problem[] = []
  const add =
    (severity: Problem['severity']) =>
    (file: string, path: string, message: string, code?: ProblemCode, params?: ProblemParams) => {
      problems.push({ file: display(file), path, message, severity, ...(code && { code }), ...(params && { params }) })
    }
  return {
    problems,
    error: add('error'),
    warning: add('warning'),
    // An administration may publish before a translation is done, so only strict mode refuses it.
    missingTranslation: (file: string, path: string, locale: Locale) =>
      add(strict ? 'error' : 'warning')(file, path, `missing translation: ${locale}`, 'missingTranslation', { locale }),
    shippedOnly: (...args: Parameters<ReturnType<typeof add>>) => add(shipped ? 'error' : 'warning')(...args),
    zod: (file: string, error: z.ZodError) => problems.push(...problemsFromZodError(display(file), error)),
  }
}
