import { z } from '~/utils/zod'
import { LOCALES, type Locale } from '~/i18n/config'
import { REVIEW_POLICIES, SLUG_PATTERN } from '~/modules/content/package-limits'
import { questionSchema, type Question } from '~/modules/content/package.schema'

// The studio's question and quiz-settings forms (ADR 025). Error messages are i18n keys of the `studio`
// namespace. A draft question may lack a language (it is refused at publish, next to the field), but
// never breaks a rule of its type: what the draft holds always parses as a package question.

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true-false',
  'numeric',
  'matching',
  'ordering',
  'container-check-digit',
] as const
export type QuestionTypeName = (typeof QUESTION_TYPES)[number]

/** A question's or an option's text, per language, at most this many characters. */
export const QUESTION_TEXT_LIMIT = 2000
/** Parts (options, pairs, items) a question may have: enough for any sensible question, bounded for the form. */
export const PARTS_LIMIT = 12

const optionalText = z.string().trim().max(QUESTION_TEXT_LIMIT, { error: 'question.textTooLong' }).optional()

const texts = () => {
  const shape = Object.fromEntries(LOCALES.map((locale) => [locale, optionalText])) as Record<
    Locale,
    typeof optionalText
  >
  return z
    .object(shape)
    .default({} as Record<Locale, undefined>)
    .refine((map) => LOCALES.some((locale) => map[locale]), { error: 'question.textRequired' })
}

const partId = z.string().regex(SLUG_PATTERN).max(40).optional()
const parts = <T extends z.ZodType>(part: T, min: number, error: string) =>
  z.array(part).min(min, { error }).max(PARTS_LIMIT, { error: 'question.tooManyParts' }).default([])

const base = {
  version: z.number().int().min(0).max(2_147_483_647).default(0),
  slug: z
    .string()
    .trim()
    .max(60, { error: 'question.slugInvalid' })
    .regex(SLUG_PATTERN, { error: 'question.slugInvalid' })
    .refine((slug) => slug !== 'new', { error: 'question.slugInvalid' })
    .optional(),
  points: z
    .number({ error: 'question.pointsInvalid' })
    .int({ error: 'question.pointsInvalid' })
    .min(1, { error: 'question.pointsInvalid' })
    .max(100, { error: 'question.pointsInvalid' }),
  module: z.string().regex(SLUG_PATTERN).optional(),
  prompt: texts(),
  explanation: texts(),
}

const choice = (type: 'single' | 'multiple') =>
  z
    .object({
      ...base,
      type: z.literal(type),
      options: parts(
        z.object({ id: partId, text: texts(), correct: z.boolean().default(false) }),
        2,
        'question.optionsTooFew',
      ),
    })
    .superRefine((value, ctx) => {
      const correct = value.options.filter((option) => option.correct).length
      if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'question.keyMissing' })
      else if (type === 'single' && correct > 1)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'question.singleKeyOnly' })
      else if (type === 'multiple' && correct === value.options.length)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'question.multipleAllCorrect' })
    })

const matching = z
  .object({
    ...base,
    type: z.literal('matching'),
    pairs: parts(z.object({ id: partId, left: texts(), right: texts() }), 3, 'question.pairsTooFew'),
  })
  .superRefine((value, ctx) => {
    for (const side of ['left', 'right'] as const)
      for (const locale of LOCALES) {
        const seen = new Set<string>()
        value.pairs.forEach((pair, index) => {
          const text = pair[side][locale]?.toLowerCase()
          if (!text) return
          if (seen.has(text))
            ctx.addIssue({ code: 'custom', path: ['pairs', index, side, locale], message: 'question.pairDuplicate' })
          seen.add(text)
        })
      }
  })

export const QuestionFormSchema = z.discriminatedUnion('type', [
  choice('single'),
  choice('multiple'),
  z.object({
    ...base,
    type: z.literal('true-false'),
    truth: z.enum(['true', 'false'], { error: 'question.truthMissing' }),
  }),
  z.object({
    ...base,
    type: z.literal('numeric'),
    answer: z.number({ error: 'question.numberRequired' }).finite({ error: 'question.numberRequired' }),
    tolerance: z
      .number({ error: 'question.toleranceInvalid' })
      .min(0, { error: 'question.toleranceInvalid' })
      .default(0),
  }),
  matching,
  z.object({
    ...base,
    type: z.literal('ordering'),
    items: parts(z.object({ id: partId, text: texts() }), 3, 'question.itemsTooFew'),
  }),
  z.object({
    ...base,
    type: z.literal('container-check-digit'),
    task: z.enum(['compute', 'spot-wrong'], { error: 'question.taskInvalid' }),
    choices: z
      .number({ error: 'question.choicesInvalid' })
      .int()
      .min(3, { error: 'question.choicesInvalid' })
      .max(6, { error: 'question.choicesInvalid' })
      .default(4),
  }),
])
export type QuestionForm = z.output<typeof QuestionFormSchema>

/** Written texts only: an empty language is simply not there (the draft's "missing"). */
const written = (map: Partial<Record<Locale, string | undefined>>) =>
  Object.fromEntries(LOCALES.flatMap((locale) => (map[locale] ? [[locale, map[locale]]] : [])))

/** Ids for parts the form added: the first free of `a`, `b`, … (options) or `p1`, `p2`, … (pairs, items). */
function withIds<T extends { id?: string | undefined }>(list: T[], next: (n: number) => string) {
  const used = new Set(list.flatMap((part) => (part.id ? [part.id] : [])))
  let n = 0
  return list.map((part) => {
    if (part.id && !usedTwice(list, part.id)) return { ...part, id: part.id }
    let id = next(n++)
    while (used.has(id)) id = next(n++)
    used.add(id)
    return { ...part, id }
  })
}
const usedTwice = (list: { id?: string | undefined }[], id: string) => list.filter((part) => part.id === id).length > 1
const letter = (n: number) => (n < 26 ? String.fromCharCode(97 + n) : `o${n + 1}`)

/** The form's value as a package question; null if, against all the form's checks, the package refuses it. */
export function toQuestion(form: QuestionForm, slug: string): Question | null {
  const common = {
    slug,
    points: form.points,
    prompt: written(form.prompt),
    explanation: written(form.explanation),
    ...(form.module ? { module: form.module } : {}),
  }
  const question = (() => {
    switch (form.type) {
      case 'single':
      case 'multiple':
        return {
          ...common,
          type: form.type,
          options: withIds(form.options, letter).map(({ id, text, correct }) => ({ id, text: written(text), correct })),
        }
      case 'true-false':
        return { ...common, type: form.type, answer: form.truth === 'true' }
      case 'numeric':
        return { ...common, type: form.type, answer: form.answer, tolerance: form.tolerance }
      case 'matching':
        return {
          ...common,
          type: form.type,
          pairs: withIds(form.pairs, (n) => `p${n + 1}`).map(({ id, left, right }) => ({
            id,
            left: written(left),
            right: written(right),
          })),
        }
      case 'ordering':
        return {
          ...common,
          type: form.type,
          items: withIds(form.items, (n) => `i${n + 1}`).map(({ id, text }) => ({ id, text: written(text) })),
        }
      case 'container-check-digit':
        return { ...common, type: form.type, task: form.task, choices: form.choices }
    }
  })()
  const parsed = questionSchema.safeParse(question)
  return parsed.success ? parsed.data : null
}

/** A slug for a new question from its English (else any) prompt: `seal-number-matches-the`, unique in the course. */
export function suggestSlug(prompt: Partial<Record<Locale, string>>, taken: Set<string>): string {
  const words = (prompt.en ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 5)
  const stem = words.join('-').slice(0, 50) || 'question'
  let slug = stem
  for (let n = 2; taken.has(slug) || slug === 'new'; n++) slug = `${stem}-${n}`
  return slug
}

/** A question back into the form's shape, to fill the editor. */
export function toQuestionForm(question: Question, version: number): Record<string, unknown> {
  const common = {
    version,
    slug: question.slug,
    type: question.type,
    points: question.points,
    module: question.module,
    prompt: question.prompt,
    explanation: question.explanation,
  }
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...common, options: question.options }
    case 'true-false':
      return { ...common, truth: String(question.answer) }
    case 'numeric':
      return { ...common, answer: question.answer, tolerance: question.tolerance }
    case 'matching':
      return { ...common, pairs: question.pairs }
    case 'ordering':
      return { ...common, items: question.items }
    case 'container-check-digit':
      return { ...common, task: question.task, choices: question.choices }
  }
}

/** A blank question of a type, for the "new question" form. */
export function blankQuestionForm(type: QuestionTypeName): Record<string, unknown> {
  const blank = { text: {} }
  switch (type) {
    case 'single':
    case 'multiple':
      return { type, points: 1, options: [blank, blank, blank, blank] }
    case 'matching':
      return { type, points: 1, pairs: [{}, {}, {}] }
    case 'ordering':
      return { type, points: 1, items: [blank, blank, blank] }
    case 'container-check-digit':
      return { type, points: 1, task: 'compute', choices: 4 }
    default:
      return { type, points: 1 }
  }
}

/** The quiz settings form; a final exam's pass mark is not on it (a course detail, ADR 024). */
export const QuizSettingsFormSchema = z.object({
  version: z.number().int().min(0).max(2_147_483_647).default(0),
  passMark: z
    .number({ error: 'quiz.passMarkInvalid' })
    .int({ error: 'quiz.passMarkInvalid' })
    .min(1, { error: 'quiz.passMarkInvalid' })
    .max(100, { error: 'quiz.passMarkInvalid' })
    .optional(),
  maxAttempts: z
    .number({ error: 'quiz.maxAttemptsInvalid' })
    .int()
    .min(1, { error: 'quiz.maxAttemptsInvalid' })
    .max(100, { error: 'quiz.maxAttemptsInvalid' })
    .optional(),
  timeLimitMinutes: z
    .number({ error: 'quiz.timeLimitInvalid' })
    .int()
    .min(1, { error: 'quiz.timeLimitInvalid' })
    .max(600, { error: 'quiz.timeLimitInvalid' })
    .optional(),
  questionsPerAttempt: z
    .number({ error: 'quiz.questionsPerAttemptInvalid' })
    .int({ error: 'quiz.questionsPerAttemptInvalid' })
    .min(1, { error: 'quiz.questionsPerAttemptInvalid' })
    .max(200, { error: 'quiz.questionsPerAttemptInvalid' }),
  questionsPerModule: z
    .number({ error: 'quiz.questionsPerModuleInvalid' })
    .int()
    .min(1, { error: 'quiz.questionsPerModuleInvalid' })
    .max(50, { error: 'quiz.questionsPerModuleInvalid' })
    .optional(),
  shuffleQuestions: z.boolean().default(false),
  shuffleOptions: z.boolean().default(false),
  review: z.enum(REVIEW_POLICIES, { error: 'quiz.reviewInvalid' }),
})
export type QuizSettingsForm = z.output<typeof QuizSettingsFormSchema>

/** The form as the page asks it: a module quiz needs its pass mark, a final exam's is the course's. */
export function quizSettingsFormSchema({ exam }: { exam: boolean }) {
  return QuizSettingsFormSchema.refine((value) => exam || value.passMark !== undefined, {
    path: ['passMark'],
    error: 'quiz.passMarkInvalid',
    when: () => true,
  })
}
