import { z } from '~/utils/zod'
import { SLUG_PATTERN } from '~/modules/content/package-limits'
import { perLocale } from './course.schema'

// Error messages are i18n keys of the `studio` namespace; the limits are the package's `moduleSchema`,
// so a module added here can be exported as a package.

export const AddModuleSchema = z.object({
  intent: z.literal('add-module'),
  slug: z
    .string({ error: 'module.slugRequired' })
    .trim()
    .min(1, { error: 'module.slugRequired' })
    .max(60, { error: 'module.slugTooLong' })
    .regex(SLUG_PATTERN, { error: 'module.slugInvalid' }),
  title: perLocale(
    z
      .string({ error: 'module.titleRequired' })
      .trim()
      .min(1, { error: 'module.titleRequired' })
      .max(200, { error: 'module.titleTooLong' }),
  ),
  minutes: z
    .number({ error: 'module.minutesInvalid' })
    .int({ error: 'module.minutesInvalid' })
    .min(1, { error: 'module.minutesInvalid' })
    .max(600, { error: 'module.minutesInvalid' }),
})
export type AddModuleInput = z.infer<typeof AddModuleSchema>

/** The buttons of one row of the module list; `module` is the module's slug. */
export const ModuleRowSchema = z.object({
  intent: z.enum(['move-up', 'move-down', 'archive-module', 'restore-module']),
  module: z.string().min(1).max(100),
})
