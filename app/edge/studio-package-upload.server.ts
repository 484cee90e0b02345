import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import type { Locale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { MAX_PACKAGE_BYTES } from '~/modules/studio/limits'
import type { UploadProblem } from '~/modules/studio/package-upload-check.server'
import type { UploadPlan } from '~/modules/studio/package-upload-plan.server'
import { PackageCancelSchema, PackageCheckSchema, PackageConfirmSchema } from '~/modules/studio/package-upload.schema'
import { cancelPackageUpload, checkPackageUpload, importUploadedPackage } from '~/modules/studio/package-upload.server'
import { formatFileSize } from '~/utils/format'
import { requirePermissionOrNotFound } from './guard.server'
import { readFormOrUpload } from './request-form.server'

// The package upload page's forms (ADR 027): check (multipart, read through a size-checked handler),
// confirm and cancel. Learners, coordinators and visitors get the 404 before the body is read; whose
// course may be written is decided in the domain's queries.

/** One line of the report, in the author's language: `file: field: message`. */
export interface ReportLine {
  file: string
  path: string
  message: string
  severity: 'error' | 'warning'
}

/** What the page shows of a plan: titles in the author's language, no texts. */
export type PlanView =
  | { mode: 'new'; slug: string; title: string; modules: number; questions: number; media: number }
  | {
      mode: 'draft'
      slug: string
      title: string
      changed: { slug: string; title: string; replacesDraft: boolean }[]
      added: { slug: string; title: string }[]
      missing: { slug: string; title: string }[]
      media: string[]
      details: string[]
      /** Module titles; null for the final exam. */
      quizzes: (string | null)[]
    }

export type PackageUploadActionData =
  | {
      form: 'check'
      result: SubmissionResult<string[]>
      fileName?: string
      report?: ReportLine[]
      uploadId?: string | null
      plan?: PlanView | null
    }
  | { form: 'confirm'; outcome: 'expired' | 'changed'; report: ReportLine[] }

export async function runPackageUploadAction(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const { locale } = args.context
  const form = await readFormOrUpload(args.request, { maxPartSize: MAX_PACKAGE_BYTES })
  if (form === 'too-large') {
    const result: SubmissionResult<string[]> = { status: 'error', error: { file: ['upload.fileTooLarge'] } }
    // The rest of the file was not read, so this connection cannot carry another request.
    return data<PackageUploadActionData>({ form: 'check', result }, { status: 413, headers: { Connection: 'close' } })
  }
  switch (form.get('intent')) {
    case 'check':
      return check({ form, userId: user.id, locale })
    case 'confirm':
      return confirm({ form, userId: user.id, locale })
    case 'cancel': {
      const parsed = PackageCancelSchema.safeParse(Object.fromEntries(form))
      if (!parsed.success) throw new Response('common:errors.unknownForm', { status: 400 })
      await cancelPackageUpload({ uploadId: parsed.data.uploadId, userId: user.id })
      return redirect(href(locale, '/studio/upload', { query: { cancelled: '1' } }))
    }
    default:
      throw new Response('common:errors.unknownForm', { status: 400 })
  }
}

interface FormArgs {
  form: FormData
  userId: string
  locale: Locale
}

async function check({ form, userId, locale }: FormArgs) {
  const submission = parseWithZod(form, { schema: PackageCheckSchema })
  if (submission.status !== 'success')
    return data<PackageUploadActionData>({ form: 'check', result: submission.reply() }, { status: 400 })
  const { file } = submission.value
  const outcome = await checkPackageUpload({
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name,
    userId,
  })
  const report = reportLines(outcome.problems, locale)
  const refused = outcome.uploadId === null
  return data<PackageUploadActionData>(
    {
      form: 'check',
      result: submission.reply(refused ? { formErrors: ['upload.refused'] } : {}),
      fileName: outcome.fileName,
      report,
      uploadId: outcome.uploadId,
      plan: outcome.plan ? planView(outcome.plan, locale) : null,
    },
    // An archive that cannot be imported is bad input: 422 says the file arrived but is refused.
    { status: refused ? 422 : 200 },
  )
}

async function confirm({ form, userId, locale }: FormArgs) {
  const parsed = PackageConfirmSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('common:errors.unknownForm', { status: 400 })
  const outcome = await importUploadedPackage({ ...parsed.data, userId })
  if (outcome.status === 'imported')
    return redirect(href(locale, '/studio/upload', { query: { imported: outcome.slug, mode: outcome.mode } }))
  // Another author's upload id is "not found" like an expired one: nothing says it exists.
  if (outcome.status === 'not-found')
    return data<PackageUploadActionData>({ form: 'confirm', outcome: 'expired', report: [] }, { status: 404 })
  const report = reportLines(outcome.problems, locale)
  return data<PackageUploadActionData>({ form: 'confirm', outcome: 'changed', report }, { status: 409 })
}

const LIMITS_IN_BYTES = new Set(['archiveTooLarge', 'archiveTooLargeUnpacked', 'entryTooLarge'])

/** Every problem as `file: field: message` in the author's language, from its code and parameters. */
export function reportLines(problems: UploadProblem[], locale: Locale): ReportLine[] {
  const t = getServerT(locale, 'studio')
  return problems.map(({ kind, file, path, severity, code, params }) => {
    const values = {
      ...params,
      ...(LIMITS_IN_BYTES.has(code) && { limit: formatFileSize(Number(params.limit), locale) }),
    }
    const key =
      kind === 'archive'
        ? `upload.archive.${code}`
        : kind === 'media'
          ? `media.problem.${code}`
          : kind === 'course'
            ? `upload.course.${code}`
            : `problems.${code}`
    // A body's problems name their line in the message already.
    return { file, path: 'line' in params ? '' : path, message: t(key, values), severity }
  })
}

function planView(plan: UploadPlan, locale: Locale): PlanView {
  const title = localizedName(plan.title, locale) || plan.slug
  if (plan.mode === 'new') {
    const { modules, questions, media, slug } = plan
    return { mode: 'new', slug, title, modules, questions, media }
  }
  const named = (module: { slug: string; title: Record<string, string> }) => ({
    slug: module.slug,
    title: localizedName(module.title, locale) || module.slug,
  })
  return {
    mode: 'draft',
    slug: plan.slug,
    title,
    changed: plan.changed.map((module) => ({ ...named(module), replacesDraft: module.replacesDraft })),
    added: plan.added.map(named),
    missing: plan.missing.map(named),
    media: plan.media,
    details: plan.details.fields,
    quizzes: plan.quizzes.map((quiz) => (quiz.title ? localizedName(quiz.title, locale) || quiz.module : null)),
  }
}
