import { z } from '~/utils/zod'

/** The buttons on course and module pages; anything else posted there is a 400. */
export const LearningIntentSchema = z.object({ intent: z.enum(['enrol', 'complete', 'renew']) })
export type LearningIntent = z.output<typeof LearningIntentSchema>['intent']
