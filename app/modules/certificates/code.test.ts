import { describe, expect, it } from 'vitest'
import { CODE_LENGTH, formatCode, generateCode, parseCode, parseCodeFragment } from './code'

describe('certificate codes', () => {
  it('are 28 characters of Crockford base32, different every time', () => {
    const codes = Array.from({ length: 2000 }, generateCode)
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('use every symbol of the alphabet evenly enough (no stuck bits)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 2000; i++) for (const char of generateCode()) counts.set(char, (counts.get(char) ?? 0) + 1)
    expect(counts.size).toBe(32)
    // 56,000 symbols over 32: about 1,750 each.
    for (const count of counts.values()) expect(count).toBeGreaterThan(1400)
  })

  it('are shown in groups of four', () => {
    expect(formatCode('7Q2M0K4TABCDEFGHJKMNPQRSTVWX')).toBe('7Q2M-0K4T-ABCD-EFGH-JKMN-PQRS-TVWX')
  })

  it('are read back whatever the case, dashes, spaces and look-alike letters', () => {
    const code = '7Q2M0K4TABCDEFGHJKMNPQRST1WX'
    expect(parseCode(formatCode(code))).toBe(code)
    expect(parseCode('7q2m-ok4t abcd-efgh-jkmn-pqrs-tlwx')).toBe(code)
  })

  it.each(['', 'short', '7Q2M-0K4T-ABCD-EFGH-JKMN-PQRS-TVWXY', '7Q2M-0K4T-ABCD-EFGH-JKMN-PQRS-TVWU', '<script>'])(
    'refuse %j',
    (input) => {
      expect(parseCode(input)).toBeNull()
    },
  )

  it('has the length the database check expects', () => {
    expect(generateCode()).toHaveLength(CODE_LENGTH)
  })
})

describe('a piece of a code, as an admin types it into the search', () => {
  it('is read in the stored form whatever the case, dashes and spaces', () => {
    expect(parseCodeFragment('k4t7-q2')).toBe('K4T7Q2')
    expect(parseCodeFragment(' 7q2m 0k ')).toBe('7Q2M0K')
    expect(parseCodeFragment('ok1l')).toBe('0K11')
  })

  it.each(['abc', 'a-b-c', 'ivan@demo.test', 'Нарине', 'x'.repeat(29), "'; --"])('is not %j', (input) => {
    expect(parseCodeFragment(input)).toBeNull()
  })
})
