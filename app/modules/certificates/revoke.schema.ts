import { z } from 'zod'

/** The revocation form; messages are keys of the `certificates` namespace. */
export const RevokeSchema = z.object({
  intent: z.literal('revoke'),
  certificateId: z.string().min(1),
  reason: z.string().trim().min(5, { error: 'admin.reasonInvalid' }).max(300, { error: 'admin.reasonInvalid' }),
})
