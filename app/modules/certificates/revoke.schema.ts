import { z } from '~/utils/zod'

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

/**
 * The admin's certificate search from the query string; anything unrecognised is simply no filter.
 * `revoke` names the certificate whose revocation is being confirmed (the page without JavaScript).
 */
export const CertificateFilterSchema = z.object({
  q: z.string().max(200).catch(''),
  course: z.string().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  revoke: z.string().max(100).catch(''),
  revoked: z.string().max(100).catch(''),
})
