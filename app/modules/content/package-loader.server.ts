import { join, resolve } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { isLocale, LOCALES, type Locale } from '~/i18n/config'
import {
  courseSchema,
  missingTranslations,
  moduleSchema,
  quizSchema,
  type CoursePackage,
  type ModuleMeta,
  type ModulePackage,
  type PackageSourceFile,
  type Quiz,
} from './package.schema'
import { SLUG_PATTERN } from './package-limits'
import { formatIssuePath, type Problem } from './problems'
import { listDir, readText } from './package-files.server'
import { checkBody, listMedia, readMedia, type MediaContext } from './package-body.server'
import { createReport, display, type PackageReport } from './package-report'
import { examDrawProblems, moduleQuizDrawProblems, type DrawProblem } from './exam-draw'
import { glossarySchema } from './glossary.schema'
import { loadGlossary, type GlossaryLink } from './package-glossary.server'
import { jobAidSchema } from './job-aid.schema'
import { loadJobAids } from './package-job-aids.server'

/*
 * Reads a course package (docs/content-format.md) from disk and reports everything wrong with it,
 * each problem pinned to a file and a field, instead of stopping at the first one: an author fixes a
 * package in one pass. A package with any error is not returned, so nothing half-valid is imported.
 */

export interface LoadResult {
  pkg: CoursePackage | null
  problems: Problem[]
}

const MODULE_FOLDER = /^(\d{2,})-(.+)$/
const BODY_NAMES = LOCALES.map((locale) => `${locale}.md`).join(', ')

/** YAML syntax, then the schema, then translations: later steps only run on what the earlier accepted. */
function parseYaml<T extends z.ZodType>(
  report: PackageReport,
  file: string,
  text: string,
  schema: T,
): z.output<T> | null {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0])
    const message = `YAML syntax error at line ${line}, column ${col}: ${error.message.split('\n')[0]}`
    report.error(file, '', message, 'yamlSyntax', { line, column: col })
  }
  if (doc.errors.length > 0) return null
  let data: unknown
  try {
    data = doc.toJS()
  } catch (error) {
    const message = `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`
    report.error(file, '', message, 'yamlUnreadable')
    return null
  }
  // The input is reported so that a missing key can be told from a wrong one (zod-problems.ts).
  const result = schema.safeParse(data, { reportInput: true })
  if (!result.success) {
    report.zod(file, result.error)
    return null
  }
  for (const { path, locales } of missingTranslations(result.data)) {
    for (const locale of locales) report.missingTranslation(file, formatIssuePath(path), locale)
  }
  return result.data
}

interface LoadedModule {
  folder: string
  dir: string
  meta: ModuleMeta | null
  bodies: Partial<Record<Locale, string>>
  quiz: Quiz | null
  sourceFiles: PackageSourceFile[]
  glossaryLinks: GlossaryLink[]
}

/** The YAML files read, by their path inside the package: what an import keeps for a download (ADR 026). */
const sourceFiles = (files: Record<string, string | null>): PackageSourceFile[] =>
  Object.entries(files).flatMap(([path, text]) => (text === null ? [] : [{ path, text }]))

async function loadModule(
  report: PackageReport,
  root: string,
  folder: string,
  media: MediaContext,
): Promise<LoadedModule> {
  const dir = join(root, 'modules', folder)
  const metaFile = join(dir, 'module.yaml')
  const metaText = await readText(metaFile)
  if (metaText === null)
    report.error(metaFile, '', 'missing file: every module folder needs a module.yaml', 'moduleYamlMissing')
  const meta = metaText === null ? null : parseYaml(report, metaFile, metaText, moduleSchema)
  const folderSlug = MODULE_FOLDER.exec(folder)?.[2]
  if (meta && folderSlug && meta.slug !== folderSlug)
    report.error(
      metaFile,
      'slug',
      `"${meta.slug}" must match the folder name ${folder} (expected "${folderSlug}")`,
      'moduleSlugMismatch',
      { slug: meta.slug, folder, expected: folderSlug },
    )
  if (meta && meta.references.length === 0)
    report.shippedOnly(
      metaFile,
      'references',
      'needs references: the dated legal and standard texts the module teaches',
      'referencesMissing',
    )

  const quizFile = join(dir, 'quiz.yaml')
  const quizText = await readText(quizFile)
  const quiz = quizText === null ? null : parseYaml(report, quizFile, quizText, quizSchema)

  for (const entry of (await listDir(dir)) ?? []) {
    if (entry.isFile() && (entry.name === 'module.yaml' || entry.name === 'quiz.yaml')) continue
    const name = entry.name.endsWith('.md') ? entry.name.slice(0, -3) : null
    if (entry.isFile() && name !== null && !isLocale(name))
      report.error(
        join(dir, entry.name),
        '',
        `"${name}" is not a supported locale: bodies are ${BODY_NAMES}`,
        'bodyLocaleUnknown',
        { name, bodies: BODY_NAMES },
      )
    else if (!entry.isFile() || name === null)
      report.error(
        join(dir, entry.name),
        '',
        `unexpected file: a module folder holds module.yaml, quiz.yaml, ${BODY_NAMES}`,
        'moduleFileUnexpected',
        { bodies: BODY_NAMES },
      )
  }

  const bodies: Partial<Record<Locale, string>> = {}
  const glossaryLinks: GlossaryLink[] = []
  for (const locale of LOCALES) {
    const file = join(dir, `${locale}.md`)
    const markdown = await readText(file)
    if (markdown === null) continue
    bodies[locale] = markdown
    glossaryLinks.push(...checkBody(report, file, markdown, folder, media).map((link) => ({ file, ...link })))
  }
  const missing = LOCALES.filter((locale) => bodies[locale] === undefined)
  if (missing.length === LOCALES.length)
    report.error(dir, '', `a module needs a body: ${BODY_NAMES}`, 'moduleBodyMissing', { bodies: BODY_NAMES })
  else for (const locale of missing) report.missingTranslation(join(dir, `${locale}.md`), '', locale)
  const files = sourceFiles({ [`modules/${folder}/module.yaml`]: metaText, [`modules/${folder}/quiz.yaml`]: quizText })
  return { folder, dir, meta, bodies, quiz, sourceFiles: files, glossaryLinks }
}

/** Module folders in course order: by number, then name; folders with a malformed name go last. */
async function loadModules(report: PackageReport, root: string, media: MediaContext): Promise<LoadedModule[]> {
  const dir = join(root, 'modules')
  const folders: { name: string; prefix: string; number: number }[] = []
  for (const entry of (await listDir(dir)) ?? []) {
    if (!entry.isDirectory()) {
      const message = 'unexpected file: modules/ holds only module folders (NN-slug)'
      report.error(join(dir, entry.name), '', message, 'modulesFileUnexpected')
      continue
    }
    const match = MODULE_FOLDER.exec(entry.name)
    if (!match || !SLUG_PATTERN.test(match[2] ?? ''))
      report.error(
        join(dir, entry.name),
        '',
        'a module folder is named NN-slug, e.g. 01-safe-framework',
        'moduleFolderName',
      )
    folders.push({ name: entry.name, prefix: match?.[1] ?? '', number: match ? Number(match[1]) : Infinity })
  }
  if (folders.length === 0)
    report.error(dir, '', 'a package needs at least one module folder (modules/01-slug/)', 'modulesMissing')
  folders.sort((a, b) => a.number - b.number || a.name.localeCompare(b.name))

  const numbers = new Map<number, string>()
  const slugs = new Map<string, string>()
  const modules: LoadedModule[] = []
  for (const folder of folders) {
    const first = numbers.get(folder.number)
    if (first !== undefined && Number.isFinite(folder.number))
      report.error(
        join(dir, folder.name),
        '',
        `folder number ${folder.prefix} is also used by modules/${first}`,
        'folderNumberTaken',
        { prefix: folder.prefix, first: `modules/${first}` },
      )
    else numbers.set(folder.number, folder.name)

    const module = await loadModule(report, root, folder.name, media)
    const slug = module.meta?.slug
    const firstWithSlug = slug === undefined ? undefined : slugs.get(slug)
    if (firstWithSlug !== undefined)
      report.error(
        join(module.dir, 'module.yaml'),
        'slug',
        `duplicate module slug "${slug}" (first used in ${firstWithSlug})`,
        'moduleSlugTaken',
        { slug: slug ?? '', first: firstWithSlug },
      )
    else if (slug !== undefined) slugs.set(slug, display(join(module.dir, 'module.yaml')))
    modules.push(module)
  }
  return modules
}

/** Question slugs identify questions across re-imports, so they are unique in the whole course. */
function checkQuestionSlugs(report: PackageReport, quizzes: { file: string; quiz: Quiz | null }[]) {
  const firstUse = new Map<string, string>()
  for (const { file, quiz } of quizzes) {
    quiz?.questions.forEach((question, index) => {
      const first = firstUse.get(question.slug)
      const path = formatIssuePath(['questions', index, 'slug'])
      if (first !== undefined)
        report.error(
          file,
          path,
          `duplicate question slug "${question.slug}" (first used in ${first})`,
          'questionSlugTaken',
          {
            slug: question.slug,
            first,
          },
        )
      else firstUse.set(question.slug, display(file))
    })
  }
}

type Rules = { strict: boolean; shipped: boolean }

async function loadPackage({ dir, strict, shipped }: { dir: string } & Rules) {
  const root = resolve(dir)
  const report = createReport({ strict, shipped })
  const courseFile = join(root, 'course.yaml')
  const courseText = await readText(courseFile)
  if (courseText === null)
    report.error(courseFile, '', 'missing file: every package needs a course.yaml', 'courseYamlMissing')
  const course = courseText === null ? null : parseYaml(report, courseFile, courseText, courseSchema)

  const { context: media, files: mediaFiles } = await listMedia(report, root)
  const modules = await loadModules(report, root, media)

  const examFile = join(root, 'final-exam.yaml')
  const examText = await readText(examFile)
  const rule = course?.completion.finalExam
  if (examText === null && (rule === 'required' || rule === 'optional'))
    report.error(examFile, '', `missing file: course.yaml sets completion.finalExam to "${rule}"`, 'examMissing', {
      rule,
    })
  if (examText !== null && rule === 'none')
    report.error(examFile, '', 'must not exist: course.yaml sets completion.finalExam to "none"', 'examNotAllowed')
  const finalExam = examText === null ? null : parseYaml(report, examFile, examText, quizSchema)

  const reportDraw = (file: string) => (problem: DrawProblem) =>
    report.error(file, formatIssuePath(problem.path), problem.message, problem.code, problem.params)
  for (const module of modules)
    if (module.quiz) moduleQuizDrawProblems(module.quiz).forEach(reportDraw(join(module.dir, 'quiz.yaml')))
  const moduleSlugs = modules.flatMap(({ meta }) => (meta ? [meta.slug] : []))
  // The draw is judged against the modules once they all load: a broken module.yaml is reported on its own.
  const modulesLoaded = modules.length > 0 && modules.every((module) => module.meta !== null)
  if (finalExam && modulesLoaded) examDrawProblems(finalExam, moduleSlugs).forEach(reportDraw(examFile))
  if (finalExam && finalExam.questionsPerModule === null)
    report.shippedOnly(
      examFile,
      'questionsPerModule',
      "must draw evenly from the modules: set questionsPerModule and each question's module",
      'examDrawNotPerModule',
    )
  const glossary = await loadGlossary(report, root, {
    links: modules.flatMap((module) => module.glossaryLinks),
    parse: (file, text) => parseYaml(report, file, text, glossarySchema),
  })
  const jobAids = await loadJobAids(report, root, {
    moduleSlugs: modulesLoaded ? moduleSlugs : null,
    parse: (file, text) => parseYaml(report, file, text, jobAidSchema),
  })
  checkQuestionSlugs(report, [
    ...modules.map((module) => ({ file: join(module.dir, 'quiz.yaml'), quiz: module.quiz })),
    { file: examFile, quiz: finalExam },
  ])
  for (const name of mediaFiles) {
    if (!media.referenced.has(name))
      report.warning(join(root, 'media', name), '', 'not referenced from any module body', 'mediaUnused')
  }

  const { problems } = report
  if (!course || problems.some((problem) => problem.severity === 'error')) return { pkg: null, problems, course }
  const pkg: CoursePackage = {
    dir,
    course,
    finalExam,
    modules: modules.flatMap(({ folder, meta, bodies, quiz }): ModulePackage[] =>
      meta ? [{ folder, meta, bodies, quiz }] : [],
    ),
    media: await readMedia(root, mediaFiles),
    glossary: glossary.terms,
    jobAids: jobAids.aids,
    sourceFiles: [
      ...sourceFiles({ 'course.yaml': courseText, 'final-exam.yaml': examText, 'glossary.yaml': glossary.text }),
      ...sourceFiles(jobAids.texts),
      ...modules.flatMap((module) => module.sourceFiles),
    ],
  }
  return { pkg, problems, course }
}

/**
 * Loads one package folder; `pkg` is null when there is any error (warnings alone do not stop it).
 * `strict` and `shipped` as in createReport; `shipped` follows `strict` unless said (the CLI's --strict
 * checks the courses we ship; a studio upload is strict but not shipped).
 */
export async function loadCoursePackage({
  dir,
  strict = false,
  shipped = strict,
}: {
  dir: string
  strict?: boolean
  shipped?: boolean
}): Promise<LoadResult> {
  const { pkg, problems } = await loadPackage({ dir, strict, shipped })
  return { pkg, problems }
}

/** Loads several packages and also refuses two that claim the same course slug. */
export async function loadCoursePackages({
  dirs,
  strict = false,
}: {
  dirs: string[]
  strict?: boolean
}): Promise<{ packages: CoursePackage[]; problems: Problem[] }> {
  const results = await Promise.all(dirs.map((dir) => loadPackage({ dir, strict, shipped: strict })))
  const owners = new Map<string, string>()
  const problems: Problem[] = []
  const packages: CoursePackage[] = []
  for (const [index, result] of results.entries()) {
    problems.push(...result.problems)
    const slug = result.course?.slug
    const courseFile = display(join(resolve(dirs[index] ?? '.'), 'course.yaml'))
    const owner = slug === undefined ? undefined : owners.get(slug)
    if (owner !== undefined) {
      problems.push({
        file: courseFile,
        path: 'slug',
        message: `course slug "${slug}" is also used by ${owner}`,
        severity: 'error',
        code: 'courseSlugTaken',
        params: { slug: slug ?? '', owner },
      })
      continue
    }
    if (slug !== undefined) owners.set(slug, courseFile)
    if (result.pkg) packages.push(result.pkg)
  }
  return { packages, problems }
}

/** `dir` itself when it holds a course.yaml, otherwise its subfolders that do, in name order. */
export async function findCoursePackageDirs({ dir }: { dir: string }): Promise<string[]> {
  if ((await readText(join(dir, 'course.yaml'))) !== null) return [dir]
  const entries = (await listDir(dir)) ?? []
  const found: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory() && (await readText(join(dir, entry.name, 'course.yaml'))) !== null)
      found.push(join(dir, entry.name))
  }
  return found
}
