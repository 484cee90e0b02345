import { hash, verify } from '@node-rs/argon2'

// @node-rs/argon2 defaults to argon2id with OWASP's recommended cost (19 MiB, 2 passes).
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

let dummyHash: Promise<string> | undefined

/**
 * Verifies against the stored hash, or against a throw-away hash when there is no user, so an
 * unknown email costs the same time as a wrong password and cannot be told apart.
 */
export async function verifyPassword({ hash: stored, password }: { hash: string | null; password: string }) {
  dummyHash ??= hashPassword('no-such-user-placeholder')
  const valid = await verify(stored ?? (await dummyHash), password).catch(() => false)
  return stored !== null && valid
}
