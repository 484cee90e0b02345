import { describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/config'
import { resources } from '~/i18n/resources'
import { PROBLEM_CODES } from '~/modules/content/problems'

// A publish refusal names each problem by its code next to the field (ADR 019): a code without a
// message would show the author a bare identifier.

const message = (locale: string, code: string) =>
  ['problems', code].reduce<unknown>(
    (node, part) => (node as Record<string, unknown> | undefined)?.[part],
    resources[locale]?.studio,
  )
const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort()

describe('problem codes', () => {
  it.each(LOCALES.flatMap((locale) => PROBLEM_CODES.map((code) => ({ locale, code }))))(
    '$code has a message in $locale',
    ({ locale, code }) => {
      const text = message(locale, code)
      expect(typeof text === 'string' && text.trim() !== '').toBe(true)
    },
  )

  it.each(PROBLEM_CODES)('%s uses the same parameters in every language', (code) => {
    for (const locale of LOCALES) expect(placeholders(message(locale, code))).toEqual(placeholders(message('en', code)))
  })
})
