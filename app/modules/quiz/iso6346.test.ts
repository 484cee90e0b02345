import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../tests/support/seeded-random'
import { checkDigit, generateContainerNumber, isValidContainerNumber, withWrongCheckDigit } from './iso6346'

describe('checkDigit', () => {
  it('matches known container numbers', () => {
    expect(checkDigit('CSQU305438')).toBe(3) // the worked example in the course
    expect(checkDigit('MSKU907032')).toBe(3)
    expect(checkDigit('CSQU305407')).toBe(0) // weighted sum 4905, remainder 10: the digit is 0
    expect(checkDigit('CSQU305409')).toBe(0) // weighted sum 5929, remainder 0
    expect(checkDigit('csqu305438')).toBe(3)
  })

  it('refuses what is not a container number body', () => {
    for (const body of ['CSQ305438', 'CSQX305438', 'CSQU30543A', '', 'CSQU3054381'])
      expect(checkDigit(body), body).toBeNull()
  })
})

describe('isValidContainerNumber', () => {
  it('accepts a correct number, with or without spaces, and refuses a wrong check digit', () => {
    expect(isValidContainerNumber('CSQU3054383')).toBe(true)
    expect(isValidContainerNumber('CSQU 305438 3')).toBe(true)
    expect(isValidContainerNumber('CSQU3054384')).toBe(false)
    expect(isValidContainerNumber('CSQU305438')).toBe(false)
  })
})

describe('generated numbers', () => {
  it('are always valid and differ between draws', () => {
    const random = seededRandom(42)
    const numbers = Array.from({ length: 500 }, () => generateContainerNumber(random))
    expect(numbers.every(isValidContainerNumber)).toBe(true)
    expect(numbers.every((number) => /^[A-Z]{3}U\d{7}$/.test(number))).toBe(true)
    expect(new Set(numbers).size).toBeGreaterThan(490)
  })

  it('can be spoiled with a check digit that is always wrong', () => {
    const random = seededRandom(7)
    for (let i = 0; i < 200; i++) {
      const number = generateContainerNumber(random)
      const spoiled = withWrongCheckDigit(number, random)
      expect(spoiled.slice(0, 10)).toBe(number.slice(0, 10))
      expect(isValidContainerNumber(spoiled), spoiled).toBe(false)
    }
  })
})
