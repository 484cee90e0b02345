import { randomBytes } from 'node:crypto'

// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper cannot be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** 28 characters × 5 bits = 140 random bits; shown as 7 groups of 4. */
export const CODE_LENGTH = 28
const GROUP = 4

/** A new certificate code: 140 bits from the system's secure random source. */
export function generateCode(): string {
  const bytes = randomBytes(Math.ceil((CODE_LENGTH * 5) / 8))
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) {
    // Read 5 bits starting at bit i*5, across a byte boundary when needed.
    const bit = i * 5
    const pair = (bytes[bit >> 3]! << 8) | (bytes[(bit >> 3) + 1] ?? 0)
    code += ALPHABET[(pair >> (11 - (bit & 7))) & 31]
  }
  return code
}

/** "7Q2M0K4T…" → "7Q2M-0K4T-…", as printed on the certificate and in links. */
export function formatCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-')
}

/**
 * The stored form of a code typed or scanned by a person: case, dashes and spaces ignored, and the
 * letters Crockford reads as digits (O → 0, I and L → 1) accepted. Null when it cannot be a code.
 */
export function parseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (code.length !== CODE_LENGTH) return null
  return [...code].every((char) => ALPHABET.includes(char)) ? code : null
}

/** The shortest piece of a code the admin search looks for: fewer characters would match codes by chance. */
export const MIN_CODE_FRAGMENT = 4

/**
 * A piece of a code as an admin types it ("k4t7-q2", "7q2m 0k"), in the stored form, for a search by
 * part of a code; null when the text cannot be part of one (a name, an e-mail) or is too short.
 */
export function parseCodeFragment(input: string): string | null {
  const fragment = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (fragment.length < MIN_CODE_FRAGMENT || fragment.length > CODE_LENGTH) return null
  return [...fragment].every((char) => ALPHABET.includes(char)) ? fragment : null
}

/**
 * What a visitor typed into the verification box, as the address of the answer: a code in its printed
 * form (groups of four, upper case); anything else trimmed, spaces collapsed and cut to 100 characters,
 * so the not-found page can show it back for correction.
 */
export function typedCode(input: string): string {
  const code = parseCode(input)
  return code ? formatCode(code) : input.trim().replace(/\s+/g, ' ').slice(0, 100)
}
