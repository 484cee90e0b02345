import { isLocale, LOCALES, type Locale } from '~/i18n/config'
import { checkBody, type MediaContext } from '~/modules/content/package-body.server'
import { createReport } from '~/modules/content/package-report'
import { missingTranslations, moduleSchema } from '~/modules/content/package.schema'
import type { Problem, ProblemCode } from '~/modules/content/problems'
import { DraftTooLarge, UnsafeMarkdown, type FieldProblem } from './errors'
import { BODY_LIMIT_BYTES, TITLE_LIMIT_CHARS } from './limits'
import type { Field } from './translation-status'

// The package validator's own checks (content/), applied to a draft: a subset on every save, all of
// them in strict mode on publish. There is no second set of rules to drift from `courses:validate`.

/** What a draft may never hold, even unpublished: the renderer would silently drop it. */
const REFUSED_ON_SAVE = new Set<ProblemCode>(['rawHtml', 'unsafeLink'])

const toFieldProblem = (field: Field, locale: Locale) => (problem: Problem) => ({
  field,
  locale,
  code: problem.code ?? 'invalid',
  params: problem.params ?? {},
})

function bodyProblems({
  locale,
  markdown,
  folder,
  media,
}: {
  locale: Locale
  markdown: string
  folder: string
  media: MediaContext
}) {
  // The second edition's rules (a caption on every figure) bind the courses we ship, not an author's (ADR 037).
  const report = createReport({ strict: true, shipped: false })
  checkBody(report, `${locale}.md`, markdown, folder, media)
  return report.problems.filter((problem) => problem.severity === 'error').map(toFieldProblem('body', locale))
}

/** On save: sizes, then raw HTML and unsafe links. Throws; returns nothing when the fields may be stored. */
export function checkDraftFields({ locale, title, markdown }: { locale: Locale; title?: string; markdown?: string }) {
  if (title !== undefined && title.length > TITLE_LIMIT_CHARS)
    throw new DraftTooLarge({ field: 'title', locale, limit: TITLE_LIMIT_CHARS, size: title.length })
  if (markdown === undefined) return
  const bytes = Buffer.byteLength(markdown, 'utf8')
  if (bytes > BODY_LIMIT_BYTES) throw new DraftTooLarge({ field: 'body', locale, limit: BODY_LIMIT_BYTES, size: bytes })
  // Images are judged at publish: a draft may name a figure that is not uploaded yet.
  const media = { names: new Set<string>(), referenced: new Set<string>() }
  const unsafe = bodyProblems({ locale, markdown, folder: '01-draft', media }).filter((problem) =>
    REFUSED_ON_SAVE.has(problem.code),
  )
  if (unsafe.length > 0) throw new UnsafeMarkdown(unsafe)
}

/** On publish: what `courses:validate --strict` says about this module, per field and locale. */
export function publishProblems({
  module,
  texts,
  mediaNames,
}: {
  module: { slug: string; minutes: number; position: number }
  texts: Record<Locale, { title: string; markdown: string }>
  mediaNames: string[]
}): FieldProblem[] {
  const problems: FieldProblem[] = []
  const titles = Object.fromEntries(
    LOCALES.filter((locale) => texts[locale].title.trim() !== '').map((locale) => [locale, texts[locale].title]),
  )
  const parsed = moduleSchema.safeParse({ slug: module.slug, minutes: module.minutes, title: titles })
  const missingTitles = parsed.success
    ? missingTranslations(parsed.data).flatMap(({ locales }) => locales)
    : titleIssues(parsed.error.issues, problems)
  for (const locale of missingTitles)
    problems.push({ field: 'title', locale, code: 'missingTranslation', params: { locale } })

  // Bodies link figures as a package does (../../media/x.svg), checked against the course's stored media.
  const folder = `${String(module.position).padStart(2, '0')}-${module.slug}`
  const media = { names: new Set(mediaNames), referenced: new Set<string>() }
  for (const locale of LOCALES) {
    const { markdown } = texts[locale]
    if (markdown.trim() === '') problems.push({ field: 'body', locale, code: 'missingTranslation', params: { locale } })
    else problems.push(...bodyProblems({ locale, markdown, folder, media }))
  }
  return problems
}

/** Title issues from the schema: a locale's own problem, or (no locale named) every language missing. */
function titleIssues(issues: { path: PropertyKey[] }[], problems: FieldProblem[]): Locale[] {
  const missing: Locale[] = []
  for (const issue of issues) {
    if (issue.path[0] !== 'title') continue
    const locale = issue.path[1]
    if (isLocale(locale)) problems.push({ field: 'title', locale, code: 'invalid', params: {} })
    else missing.push(...LOCALES)
  }
  return missing
}
