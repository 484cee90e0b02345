import { z } from 'zod'

/** The revocation form; messages are keys of the `certificates` namespace. */
export const RevokeSchema = z.object({
  intent: z.literal('revoke'),
  certificateId: z.string().min(1),
  // An empty textarea arrives as no value at all: it needs the message too, not Zod's English default.
  reason: z
    .string({ error: 'admin.reasonInvalid' })
    .trim()
    .min(5, { error: 'admin.reasonInvalid' })
    .max(300, { error: 'admin.reasonInvalid' }),
})
