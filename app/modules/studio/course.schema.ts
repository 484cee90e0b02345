import { z } from 'zod'
import { LOCALES, type Locale } from '~/i18n/config'
import { emailField } from '~/modules/auth/auth.schema'
import { CATEGORIES, SLUG_PATTERN } from '~/modules/content/package.schema'

// Error messages are i18n keys of the `studio` namespace. The limits are the course package's
// (app/modules/content/package.schema.ts), so a course made here can be exported as a package.

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

/** What an author sets about a course: the same rules when it is created and when it is edited. */
export const CourseMetadataSchema = z.object({
  category: z.enum(CATEGORIES, { error: 'course.categoryInvalid' }),
  title: perLocale(text('title', 200)),
  summary: perLocale(text('summary', 1000)),
  certificateValidityMonths: z
    .number({ error: 'course.validityInvalid' })
    .int({ error: 'course.validityInvalid' })
    .min(1, { error: 'course.validityInvalid' })
    .max(120, { error: 'course.validityInvalid' })
    .optional(),
  passMark: z
    .number({ error: 'course.passMarkInvalid' })
    .int({ error: 'course.passMarkInvalid' })
    .min(1, { error: 'course.passMarkInvalid' })
    .max(100, { error: 'course.passMarkInvalid' }),
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

export const UpdateCourseSchema = CourseMetadataSchema.extend({ intent: z.literal('update') })

export const AddEditorSchema = z.object({
  intent: z.literal('add-editor'),
  email: emailField('editors.emailInvalid'),
})

export const RemoveEditorSchema = z.object({
  intent: z.literal('remove-editor'),
  userId: z.string().min(1).max(100),
})
