import { parse } from 'yaml'
import type { z } from 'zod'
import { canonicalJson } from './package-hash'
import { courseSchema, moduleSchema, quizSchema } from './package.schema'
import { courseYaml, glossaryYaml, jobAidYaml, moduleYaml, quizYaml } from './package-yaml'
import { glossarySchema } from './glossary.schema'
import { jobAidSchema, storedJobAids } from './job-aid.schema'

/*
 * A course as learners see it, turned into the files of a package (docs/content-format.md, ADR 026). Each
 * YAML file is written from the database; where the course's last import kept the file it came from, and
 * that file says exactly the same (compared as the loader reads both), the kept file is given back
 * instead, so a course nobody changed since downloads as the very bytes it was imported from.
 */

/** What the export reads: published rows only, in learners' order. */
export interface CourseSnapshot {
  course: {
    slug: string
    version: number
    category: string
    title: unknown
    summary: unknown
    objectives: unknown
    certificateValidityMonths: number | null
    finalExamRule: string
    glossary: unknown
    jobAids: unknown
  }
  /** Null when the course has no final exam (its rule is `none`, or there is no exam row). */
  finalExam: QuizSnapshot | null
  modules: ModuleSnapshot[]
  media: { name: string; bytes: Uint8Array }[]
  /** The YAML files the last import kept, by path. */
  kept: Map<string, string>
}

export interface ModuleSnapshot {
  slug: string
  title: unknown
  minutes: number
  references: unknown
  /** Markdown by locale, as published. */
  bodies: Record<string, string>
  /** Null when the module has no current question (a package without quiz.yaml). */
  quiz: QuizSnapshot | null
}

export interface QuizSnapshot {
  passMark: number
  maxAttempts: number | null
  timeLimitMinutes: number | null
  questionsPerAttempt: number
  questionsPerModule: number | null
  shuffleQuestions: boolean
  shuffleOptions: boolean
  review: string
  questions: { slug: string; type: string; points: number; definition: unknown }[]
}

const MODULE_FOLDER = /^(\d{2,})-([a-z0-9-]+)$/
const KEPT_MODULE_FILE = /^modules\/([^/]+)\/module\.yaml$/

/** The folder each module's files came from at the last import, by module slug. */
export function keptModuleFolders(kept: Iterable<string>): Map<string, string> {
  const folders = new Map<string, string>()
  for (const path of kept) {
    const folder = KEPT_MODULE_FILE.exec(path)?.[1] ?? ''
    const slug = MODULE_FOLDER.exec(folder)?.[2]
    if (slug) folders.set(slug, folder)
  }
  return folders
}

/**
 * The module folders, in course order. The folders of the last import where they still give the modules'
 * current order (their numbers rise along it, every module has one); otherwise `NN-slug` numbered 1…n,
 * so a module moved, added or archived in the studio renames the folders rather than misplace one.
 */
export function moduleFolders({ slugs, kept }: { slugs: string[]; kept: Map<string, string> }): string[] {
  const folders = slugs.map((slug) => kept.get(slug))
  const numbers = folders.map((folder) => Number(MODULE_FOLDER.exec(folder ?? '')?.[1] ?? NaN))
  if (numbers.every((number, index) => Number.isFinite(number) && (index === 0 || number > numbers[index - 1]!)))
    return folders as string[]
  const width = Math.max(2, String(slugs.length).length)
  return slugs.map((slug, index) => `${String(index + 1).padStart(width, '0')}-${slug}`)
}

/** Every file of the package by its path inside it (`/`-separated), in path order. */
export function packageFiles(snapshot: CourseSnapshot): Map<string, Uint8Array> {
  const { course, kept } = snapshot
  const text = new Map<string, string>()
  const yamlFile = (path: string, keptPath: string, schema: z.ZodType, data: unknown, write: () => string) =>
    text.set(path, keptIfSame(kept.get(keptPath), schema, data) ?? write())

  const courseData = {
    slug: course.slug,
    version: course.version,
    category: course.category,
    title: localized(course.title),
    summary: localized(course.summary),
    objectives: localized(course.objectives),
    certificateValidityMonths: course.certificateValidityMonths,
    completion: { modules: 'all', finalExam: course.finalExamRule },
  }
  yamlFile('course.yaml', 'course.yaml', courseSchema, courseData, () => courseYaml(courseData))
  if (snapshot.finalExam) {
    const exam = quizData(snapshot.finalExam)
    yamlFile('final-exam.yaml', 'final-exam.yaml', quizSchema, exam, () => quizYaml(exam))
  }

  const terms = Array.isArray(course.glossary) ? course.glossary : []
  if (terms.length > 0) {
    const glossary = { terms }
    yamlFile('glossary.yaml', 'glossary.yaml', glossarySchema, glossary, () => glossaryYaml(terms))
  }
  for (const aid of storedJobAids(course.jobAids)) {
    const path = `job-aids/${aid.slug}.yaml`
    yamlFile(path, path, jobAidSchema, aid, () => jobAidYaml(aid))
  }

  const keptFolders = keptModuleFolders(kept.keys())
  const folders = moduleFolders({ slugs: snapshot.modules.map((module) => module.slug), kept: keptFolders })
  snapshot.modules.forEach((module, index) => {
    const folder = `modules/${folders[index]!}`
    // A kept file is found by the module's slug: the folder it came from may have been renumbered since.
    const keptFolder = `modules/${keptFolders.get(module.slug) ?? ''}`
    const references = Array.isArray(module.references) ? module.references : []
    const meta = {
      slug: module.slug,
      title: localized(module.title),
      minutes: module.minutes,
      ...(references.length > 0 && { references }),
    }
    yamlFile(`${folder}/module.yaml`, `${keptFolder}/module.yaml`, moduleSchema, meta, () => moduleYaml(meta))
    for (const [locale, markdown] of Object.entries(module.bodies)) text.set(`${folder}/${locale}.md`, markdown)
    if (module.quiz) {
      const quiz = quizData(module.quiz)
      yamlFile(`${folder}/quiz.yaml`, `${keptFolder}/quiz.yaml`, quizSchema, quiz, () => quizYaml(quiz))
    }
  })

  const files = new Map<string, Uint8Array>([...text].map(([path, content]) => [path, Buffer.from(content, 'utf8')]))
  for (const media of snapshot.media) files.set(`media/${media.name}`, media.bytes)
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** The kept file when it reads (schema defaults and trimming applied) exactly as `data` does; else null. */
function keptIfSame(kept: string | undefined, schema: z.ZodType, data: unknown): string | null {
  if (kept === undefined) return null
  let keptData: unknown
  try {
    keptData = parse(kept)
  } catch {
    return null
  }
  const [before, now] = [schema.safeParse(keptData), schema.safeParse(data)]
  return before.success && now.success && canonicalJson(before.data) === canonicalJson(now.data) ? kept : null
}

function quizData({ questions, ...settings }: QuizSnapshot) {
  return {
    ...settings,
    questions: questions.map(({ slug, type, points, definition }) => ({
      slug,
      type,
      points,
      ...(isRecord(definition) ? definition : {}),
    })),
  }
}

/**
 * A stored map of texts by locale as a package writes it: a language without text is left out (a
 * missing translation, which the validator names) rather than written as an empty string (an error).
 */
function localized(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return {}
  return Object.fromEntries(
    Object.entries(value).filter(([, text]) => (typeof text === 'string' ? text.trim() !== '' : text != null)),
  )
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
