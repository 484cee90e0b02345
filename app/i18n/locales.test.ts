import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES, NAMESPACES } from './config'

const LOCALES_DIR = path.resolve('app/locales')
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => flatKeys(child, prefix ? `${prefix}.${key}` : key))
}

const read = (locale: string, ns: string): unknown =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, `${ns}.json`), 'utf8'))

describe('UI translations', () => {
  it('has the same namespace files for every language', () => {
    for (const locale of LOCALES) {
      expect(readdirSync(path.join(LOCALES_DIR, locale)).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort())
    }
  })

  it.each(NAMESPACES)('%s: every key exists in every language (plural forms aside)', (ns) => {
    // Russian needs _one/_few/_many where English has _one/_other, so compare the base keys.
    const base = (locale: string) =>
      [...new Set(flatKeys(read(locale, ns)).map((key) => key.replace(PLURAL_SUFFIX, '')))].sort()
    for (const locale of LOCALES) expect(base(locale)).toEqual(base('en'))
  })

  it.each(NAMESPACES)('%s: Russian plurals have the one/few/many forms', (ns) => {
    const keys = flatKeys(read('ru', ns))
    const plurals = new Set(keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')))
    for (const key of plurals) {
      for (const form of ['one', 'few', 'many']) expect(keys).toContain(`${key}_${form}`)
    }
  })

  it.each(NAMESPACES)('%s: no empty strings', (ns) => {
    for (const locale of LOCALES) {
      const json = JSON.stringify(read(locale, ns))
      expect(json).not.toMatch(/:""/)
    }
  })
})
