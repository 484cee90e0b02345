import { z } from '~/utils/zod'
import { LOCALES, type Locale } from '~/i18n/config'
import type { JobAid } from './job-aid.schema'
import { CATEGORIES, COURSE_LIMITS, REVIEW_POLICIES, SLUG_PATTERN } from './package-limits'

/*
 * The content package format (docs/content-format.md) as Zod schemas. The same schemas check the
 * shipped courses, the importer's input and, later, instructor uploads, so a package that validates
 * is a package the platform can run.
 *
 * Text that learners read is a map from locale to text. A map needs at least one language; a missing
 * language is not a parse error but is reported by `missingTranslations` (an error only in strict
 * mode), because an administration may publish a course before its translation is finished.
 */

export const slug = z.string().regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens')

const text = z.string().trim().min(1, 'must not be empty')

const limited = (max: number) => text.max(max, `must be at most ${max} characters`)

/** One line: the studio edits a language's objectives as lines of one text. */
const objective = limited(COURSE_LIMITS.objectiveChars).refine((value) => !/[\r\n]/.test(value), {
  message: 'must be one line',
  params: { problem: 'oneLine' },
})
const { passMark, certificateValidityMonths: validity } = COURSE_LIMITS
export const passMarkSchema = z.number().int().min(passMark.min).max(passMark.max)

/** Every localized value the schemas produce, so the translation check finds them without guessing. */
const localizedValues = new WeakSet<object>()

function localized<T extends z.ZodType>(value: T) {
  return z
    .partialRecord(z.enum(LOCALES), value)
    .refine((map) => Object.keys(map).length > 0, {
      message: `needs a text in at least one language (${LOCALES.join(', ')})`,
      params: { problem: 'needsLanguage', languages: LOCALES.join(', ') },
    })
    .transform((map) => {
      localizedValues.add(map)
      return map as Partial<Record<Locale, z.output<T>>>
    })
}

export const localizedText = localized(text)
export type LocalizedText = z.output<typeof localizedText>

/** Walks parsed package data and names every localized value that lacks one of the locales. */
export function missingTranslations(data: unknown, path: (string | number)[] = []) {
  const found: { path: (string | number)[]; locales: Locale[] }[] = []
  if (typeof data !== 'object' || data === null) return found
  if (localizedValues.has(data)) {
    const locales = LOCALES.filter((locale) => !(locale in data))
    if (locales.length > 0) found.push({ path, locales })
    return found
  }
  for (const [key, value] of Object.entries(data)) {
    found.push(...missingTranslations(value, [...path, Array.isArray(data) ? Number(key) : key]))
  }
  return found
}

function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx, field: string) {
  const seen = new Set<string>()
  items.forEach((item, index) => {
    if (seen.has(item.id))
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: `duplicate id "${item.id}"`,
        params: { problem: 'duplicateId', id: item.id },
      })
    seen.add(item.id)
  })
}

const questionBase = {
  slug,
  points: z.number().int().min(1).max(100).default(1),
  prompt: localizedText,
  explanation: localizedText,
  /** Final exams only: the module whose content the question tests, for the per-module draw. */
  module: slug.optional(),
}

const option = z.strictObject({ id: slug, text: localizedText, correct: z.boolean().default(false) })

const choiceQuestion = (type: 'single' | 'multiple') =>
  z
    .strictObject({
      ...questionBase,
      type: z.literal(type),
      options: z.array(option).min(2, 'needs at least 2 options'),
    })
    .superRefine((question, ctx) => {
      uniqueIds(question.options, ctx, 'options')
      const correct = question.options.filter((o) => o.correct).length
      if (correct === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'at least one option must be correct',
          params: { problem: 'noCorrectOption' },
        })
      if (type === 'single' && correct > 1)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'a single-choice question has exactly one correct option',
          params: { problem: 'singleOneCorrect' },
        })
      if (type === 'multiple' && correct === question.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'at least one option must be wrong',
          params: { problem: 'noWrongOption' },
        })
    })

const trueFalseQuestion = z.strictObject({ ...questionBase, type: z.literal('true-false'), answer: z.boolean() })

const matchingQuestion = z
  .strictObject({
    ...questionBase,
    type: z.literal('matching'),
    pairs: z
      .array(z.strictObject({ id: slug, left: localizedText, right: localizedText }))
      .min(3, 'needs at least 3 pairs'),
  })
  .superRefine((question, ctx) => {
    uniqueIds(question.pairs, ctx, 'pairs')
    // Two pairs with the same left (or right) text in a language leave the learner two right answers.
    for (const side of ['left', 'right'] as const)
      for (const locale of LOCALES) {
        const seen = new Set<string>()
        question.pairs.forEach((pair, index) => {
          const text = pair[side][locale]?.trim().toLowerCase()
          if (text === undefined) return
          if (seen.has(text))
            ctx.addIssue({
              code: 'custom',
              path: ['pairs', index, side, locale],
              message: `the same ${side} text as an earlier pair`,
            })
          seen.add(text)
        })
      }
  })

const orderingQuestion = z
  .strictObject({
    ...questionBase,
    type: z.literal('ordering'),
    items: z.array(z.strictObject({ id: slug, text: localizedText })).min(3, 'needs at least 3 items'),
  })
  .superRefine((question, ctx) => uniqueIds(question.items, ctx, 'items'))

const numericQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('numeric'),
  answer: z.number().finite(),
  tolerance: z.number().finite().min(0).default(0),
})

/**
 * Generated per attempt (ISO 6346): `compute` shows the first ten characters of a fresh container
 * number and asks for its check digit; `spot-wrong` shows `choices` numbers, one with a wrong digit.
 */
const containerCheckDigitQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('container-check-digit'),
  task: z.enum(['compute', 'spot-wrong']),
  choices: z.number().int().min(3).max(6).default(4),
})

export const questionSchema = z.discriminatedUnion('type', [
  choiceQuestion('single'),
  choiceQuestion('multiple'),
  trueFalseQuestion,
  matchingQuestion,
  orderingQuestion,
  numericQuestion,
  containerCheckDigitQuestion,
])
export type Question = z.output<typeof questionSchema>
export type QuestionType = Question['type']

/** A quiz's settings: everything but its questions (the studio edits them apart, ADR 025). */
export const quizSettingsSchema = z.strictObject({
  passMark: passMarkSchema,
  maxAttempts: z.number().int().min(1).nullable().default(null),
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
  questionsPerAttempt: z.number().int().min(1),
  /**
   * Final exams only: draw this many questions from each module's (by each question's `module`), so an
   * attempt covers the whole course; `questionsPerAttempt` is then this times the number of modules.
   */
  questionsPerModule: z.number().int().min(1).nullable().default(null),
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  review: z.enum(REVIEW_POLICIES).default('after-attempt'),
})
export type QuizSettings = z.output<typeof quizSettingsSchema>

export const quizSchema = quizSettingsSchema
  .extend({ questions: z.array(questionSchema).min(1, 'needs at least one question') })
  .superRefine((quiz, ctx) => {
    if (quiz.questionsPerAttempt > quiz.questions.length)
      ctx.addIssue({
        code: 'custom',
        path: ['questionsPerAttempt'],
        message: `draws ${quiz.questionsPerAttempt} questions but the pool has only ${quiz.questions.length}`,
        params: { problem: 'poolTooSmall', perAttempt: quiz.questionsPerAttempt, pool: quiz.questions.length },
      })
  })
export type Quiz = z.output<typeof quizSchema>

export const courseSchema = z.strictObject({
  slug,
  version: z.number().int().min(1),
  category: z.enum(CATEGORIES),
  title: localized(limited(COURSE_LIMITS.titleChars)),
  summary: localized(limited(COURSE_LIMITS.summaryChars)),
  objectives: localized(
    z
      .array(objective)
      .min(COURSE_LIMITS.objectives.min, 'needs at least one objective')
      .max(COURSE_LIMITS.objectives.max, `must have at most ${COURSE_LIMITS.objectives.max} objectives`),
  ),
  certificateValidityMonths: z.number().int().min(validity.min).max(validity.max).nullable().default(null),
  completion: z.strictObject({
    modules: z.literal('all'),
    finalExam: z.enum(['required', 'optional', 'none']),
  }),
})
export type CourseMeta = z.output<typeof courseSchema>

/**
 * A legal or standard text a module teaches, dated so a learner knows which edition the module follows
 * (issue 17): its title in each language where an official one exists, the edition or year of adoption,
 * and the articles, annexes or chapters concerned.
 */
const reference = z.strictObject({
  title: localizedText,
  edition: limited(80),
  part: localizedText.optional(),
  url: z.url({ protocol: /^https$/, error: 'must be an https:// address' }).optional(),
})
export type ModuleReference = z.output<typeof reference>

/** A module's stored references (Module.references, written by the importer from a checked package). */
export function storedReferences(value: unknown): ModuleReference[] {
  const parsed = z.array(reference).safeParse(value)
  return parsed.success ? parsed.data : []
}

export const moduleSchema = z.strictObject({
  slug,
  title: localizedText,
  minutes: z.number().int().min(1).max(600),
  references: z.array(reference).max(20, 'must list at most 20 references').default([]),
})
export type ModuleMeta = z.output<typeof moduleSchema>

/** A glossary entry (glossary.schema.ts), declared here so the package type needs no import cycle. */
export interface GlossaryTerm {
  slug: string
  term: LocalizedText
  definition: LocalizedText
}

/** A whole package as the loader assembles it from its files: what the importer writes. */
export interface CoursePackage {
  /** Folder of the package, as given to the loader. */
  dir: string
  course: CourseMeta
  finalExam: Quiz | null
  modules: ModulePackage[]
  media: MediaFile[]
  /** The course's glossary.yaml terms; empty when the package has none. */
  glossary: GlossaryTerm[]
  /** The course's job-aids/*.yaml sheets, by slug; empty when the package has none. */
  jobAids: JobAid[]
  /**
   * The YAML files as the author wrote them, comments and layout included (the loader fills it in), so a
   * download of the course can give them back unchanged while they still say what the database says (ADR 026).
   */
  sourceFiles?: PackageSourceFile[]
}

export interface PackageSourceFile {
  /** Inside the package, with `/`: `course.yaml`, `modules/01-seals/quiz.yaml`. */
  path: string
  text: string
}

export interface ModulePackage {
  /** Folder name, e.g. `02-criteria`; its number sets the order. */
  folder: string
  meta: ModuleMeta
  /** Markdown body per locale, as written (image links still relative to the file). */
  bodies: Partial<Record<Locale, string>>
  quiz: Quiz | null
}

export interface MediaFile {
  /** File name inside `media/`, e.g. `container-number-anatomy.svg`. */
  name: string
  contentType: string
  bytes: Buffer
}
