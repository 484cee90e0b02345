import { z } from '~/utils/zod'
import { LOCALES, type Locale } from '~/i18n/config'
import { emailField } from '~/modules/auth/fields.schema'
import { CATEGORIES, COURSE_LIMITS, SLUG_PATTERN } from '~/modules/content/package-limits'
import type { CourseDetails } from './course-details'

// Error messages are i18n keys of the `studio` namespace. The limits are the course package's own
// (COURSE_LIMITS in app/modules/content/package.schema.ts), so a course made here can be exported as a package.

const text = (field: 'title' | 'summary', max: number) =>
  z
    .string({ error: `course.${field}Required` })
    .trim()
    .min(1, { error: `course.${field}Required` })
    .max(max, { error: `course.${field}TooLong` })

/** One text per language, each required: `title.en`, `title.ru` in the form. */
export function perLocale<T extends z.ZodType>(field: T) {
  const shape: Partial<Record<Locale, T>> = {}
  for (const locale of LOCALES) shape[locale] = field
  return z.object(shape as Record<Locale, T>)
}

const { certificateValidityMonths: validity, passMark } = COURSE_LIMITS

/** What an author sets about a course: the same rules when it is created and when it is edited. */
export const CourseMetadataSchema = z.object({
  category: z.enum(CATEGORIES, { error: 'course.categoryInvalid' }),
  title: perLocale(text('title', COURSE_LIMITS.titleChars)),
  summary: perLocale(text('summary', COURSE_LIMITS.summaryChars)),
  certificateValidityMonths: z
    .number({ error: 'course.validityInvalid' })
    .int({ error: 'course.validityInvalid' })
    .min(validity.min, { error: 'course.validityInvalid' })
    .max(validity.max, { error: 'course.validityInvalid' })
    .optional(),
  passMark: z
    .number({ error: 'course.passMarkInvalid' })
    .int({ error: 'course.passMarkInvalid' })
    .min(passMark.min, { error: 'course.passMarkInvalid' })
    .max(passMark.max, { error: 'course.passMarkInvalid' }),
})
export type CourseMetadata = z.infer<typeof CourseMetadataSchema>

export const CreateCourseSchema = CourseMetadataSchema.extend({
  intent: z.literal('create'),
  slug: z
    .string({ error: 'course.slugRequired' })
    .trim()
    .min(1, { error: 'course.slugRequired' })
    .max(60, { error: 'course.slugTooLong' })
    .regex(SLUG_PATTERN, { error: 'course.slugInvalid' }),
})
export type CreateCourseInput = z.infer<typeof CreateCourseSchema>

/** The version of the details draft the author started from (0: none yet), for the optimistic lock (ADR 024). */
const version = z.number({ error: 'details.stale' }).int().min(0).max(2_147_483_647)

/** A language's objectives as the form writes them: one a line, blank lines dropped (none yet is allowed). */
const objectives = z
  .string()
  .optional()
  .transform((value = '') =>
    value
      .split(/\r?\n|\r/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  )
  .refine((list) => list.length <= COURSE_LIMITS.objectives.max, { error: 'course.objectivesTooMany' })
  .refine((list) => list.every((line) => line.length <= COURSE_LIMITS.objectiveChars), {
    error: 'course.objectiveTooLong',
  })

const UpdateCourseSchema = CourseMetadataSchema.extend({
  intent: z.literal('update'),
  version,
  passMark: CourseMetadataSchema.shape.passMark.optional(),
  // Not asked for at creation (the create form stays short); "Publish the course" requires them.
  objectives: perLocale(objectives),
})

/**
 * The details form, the same schema on both sides, chosen by the page's data: a course without a final
 * exam (an imported package may have none) has no pass mark to set, so the field is not asked for.
 */
export function updateCourseSchema({ finalExam }: { finalExam: boolean }) {
  return UpdateCourseSchema.refine((value) => !finalExam || value.passMark !== undefined, {
    path: ['passMark'],
    error: 'course.passMarkInvalid',
    // Also when another field is missing, so every mistake is named at once.
    when: () => true,
  })
}
export type UpdateCourseInput = z.infer<typeof UpdateCourseSchema>

/** A course's texts, each per language with a translation status (ADR 024); the objectives are a list. */
export const TEXT_FIELDS = ['title', 'summary', 'objectives'] as const
export type TextField = (typeof TEXT_FIELDS)[number]

/** One text of the details as a string: a language's objectives one a line, as the form writes them. */
export function detailsText(details: Pick<CourseDetails, TextField>, field: TextField, locale: Locale) {
  return field === 'objectives' ? details.objectives[locale].join('\n') : details[field][locale]
}

/** A field of the details as the form names it: `category`, `title.ru`, `passMark`… */
export type DetailsField = 'category' | `${TextField}.${Locale}` | 'certificateValidityMonths' | 'passMark'

/** Publish, discard and "mark as up to date" name the draft version the author saw. */
export const DetailsActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['publish-details', 'discard-details']), version }),
  z.object({
    intent: z.literal('confirm-details'),
    version,
    locale: z.enum(LOCALES),
    field: z.enum(TEXT_FIELDS),
  }),
])
export type DetailsAction = z.infer<typeof DetailsActionSchema>

export const AddEditorSchema = z.object({
  intent: z.literal('add-editor'),
  email: emailField('editors.emailInvalid'),
})

export const RemoveEditorSchema = z.object({
  intent: z.literal('remove-editor'),
  userId: z.string().min(1).max(100),
})
