import { z } from '~/utils/zod'
import { MAX_REMINDERS_AT_ONCE } from './limits'

/** How far ahead the page looks: overdue only (0), or due within so many days. */
export const WITHIN_DAYS = [0, 7, 14, 30, 60] as const

export const ReminderFilterSchema = z.object({
  within: z.coerce
    .number()
    .int()
    .refine((days) => (WITHIN_DAYS as readonly number[]).includes(days))
    .catch(0),
})

export const SendRemindersSchema = z.object({
  intent: z.literal('send'),
  enrolment: z
    .array(z.string().min(1).max(64), { error: 'reminders.nobody' })
    .min(1, { error: 'reminders.nobody' })
    .max(MAX_REMINDERS_AT_ONCE, { error: 'reminders.tooMany' }),
})

export const WeeklyDigestSchema = z.object({
  intent: z.literal('digest'),
  weeklyDigest: z.enum(['on']).optional(),
})
