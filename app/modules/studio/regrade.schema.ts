import { z } from '~/utils/zod'

/** The confirm button's form: every field is hidden, so anything else means the form was not ours. */
export const RegradeSchema = z.object({
  intent: z.literal('regrade'),
  /** The preview's fingerprint (regrade.server.ts): the key and the attempts it was computed for. */
  token: z.string().regex(/^[0-9a-f]{64}$/),
})
