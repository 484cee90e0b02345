import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/** 20 random bytes = 160 bits, base32 so it is safe in cookies and URLs (sessions, invitation links). */
export function generateSecretToken(): string {
  const bytes = new Uint8Array(20)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

/** Only this hash is stored: a leaked database cannot be replayed as cookies or links. */
export function hashSecretToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}
