/*
 * ISO 6346 container numbers: owner code (3 letters), equipment category (U, J or Z), serial number
 * (6 digits) and a check digit computed from the first ten characters. Letters count 10–38, skipping
 * 11, 22 and 33; each character is weighted by 2^position; the sum modulo 11 (then modulo 10) is the
 * check digit.
 */

const LETTER_VALUES: Record<string, number> = {}
{
  let value = 10
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1
    LETTER_VALUES[letter] = value
    value += 1
  }
}

/** Owner code, equipment category and serial number: the ten characters the check digit is computed from. */
const BODY_SOURCE = '[A-Z]{3}[UJZ]\\d{6}'
const BODY = new RegExp(`^${BODY_SOURCE}$`)
/** A container number's shape (any check digit): what the numbers generated for an attempt look like. */
export const CONTAINER_NUMBER = new RegExp(`^${BODY_SOURCE}\\d$`)

/** The sum modulo 11 of the weighted character values, or null for text that is not a number body. */
function remainder(body: string): number | null {
  if (!BODY.test(body)) return null
  let sum = 0
  for (let position = 0; position < 10; position++) {
    const char = body[position]!
    sum += (LETTER_VALUES[char] ?? Number(char)) * 2 ** position
  }
  return sum % 11
}

/** The check digit of the first ten characters (e.g. `CSQU305438` → 3), or null if they are malformed. */
export function checkDigit(body: string): number | null {
  const rest = remainder(body.toUpperCase())
  return rest === null ? null : rest % 10
}

/** True for an 11-character container number whose last digit is its check digit. */
export function isValidContainerNumber(number: string): boolean {
  const upper = number.replace(/\s+/g, '').toUpperCase()
  return upper.length === 11 && checkDigit(upper.slice(0, 10)) === Number(upper[10])
}

/** A random number generator returning values in [0, 1), injectable so tests are repeatable. */
export type Random = () => number

const pick = (random: Random, alphabet: string) => alphabet[Math.floor(random() * alphabet.length)]!

/**
 * A fresh, valid container number. Serials whose remainder is 10 are skipped: their check digit
 * would be 0 like a remainder of 0, and ISO 6346 advises owners not to use them.
 */
export function generateContainerNumber(random: Random): string {
  for (;;) {
    let body = ''
    for (let i = 0; i < 3; i++) body += pick(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    body += 'U'
    for (let i = 0; i < 6; i++) body += pick(random, '0123456789')
    const rest = remainder(body)
    if (rest !== null && rest !== 10) return `${body}${rest}`
  }
}

/** The same number with a check digit that is wrong (any other digit). */
export function withWrongCheckDigit(number: string, random: Random): string {
  const right = Number(number[10])
  const wrong = (right + 1 + Math.floor(random() * 9)) % 10
  return `${number.slice(0, 10)}${wrong}`
}
