export type CertificateStatus = 'valid' | 'expired' | 'revoked'

/** Revocation outranks expiry: a revoked certificate says so even after it would have expired. */
export function certificateStatus(
  { revokedAt, expiresAt }: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): CertificateStatus {
  if (revokedAt) return 'revoked'
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}
