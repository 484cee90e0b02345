import { describe, expect, it } from 'vitest'
import {
  LocalizedListSchema,
  LocalizedTextSchema,
  localizedName,
  readLocalizedList,
  readLocalizedText,
} from './localized'

describe('LocalizedTextSchema', () => {
  it('takes any language codes and requires none, so a third language needs no code change', () => {
    const text = { en: 'Customs', ru: 'Таможня', ka: 'საბაჟო', 'sr-Latn': 'Carina' }
    expect(LocalizedTextSchema.parse(text)).toEqual(text)
    expect(LocalizedTextSchema.parse({ ro: 'Vama' })).toEqual({ ro: 'Vama' })
    expect(LocalizedTextSchema.parse({})).toEqual({})
  })

  it('refuses what is not a map from language code to text', () => {
    for (const value of [null, 'Customs', ['Customs'], { en: 42 }, { en: ['Customs'] }, { English: 'Customs' }]) {
      expect(LocalizedTextSchema.safeParse(value).success).toBe(false)
    }
  })
})

describe('LocalizedListSchema', () => {
  it('takes a list per language and refuses a bare text', () => {
    const objectives = { en: ['Check a seal', 'Record it'], ru: ['Проверить пломбу'], ka: [] }
    expect(LocalizedListSchema.parse(objectives)).toEqual(objectives)
    expect(LocalizedListSchema.safeParse({ en: 'Check a seal' }).success).toBe(false)
    expect(LocalizedListSchema.safeParse({ en: ['Check a seal', 7] }).success).toBe(false)
  })
})

describe('readLocalizedText and readLocalizedList', () => {
  it('keep the well-formed languages of a malformed value and leave out the rest', () => {
    expect(readLocalizedText({ en: 'Customs', ru: 42, English: 'Customs' })).toEqual({ en: 'Customs' })
    expect(readLocalizedList({ en: ['Check a seal'], ru: 'Проверить пломбу' })).toEqual({ en: ['Check a seal'] })
  })

  it('read a value that is no map at all as no languages', () => {
    for (const value of [null, undefined, 'Customs', 42, ['Customs']]) {
      expect(readLocalizedText(value)).toEqual({})
      expect(readLocalizedList(value)).toEqual({})
    }
  })
})

describe('localizedName', () => {
  it('prefers the requested language, then English, then anything', () => {
    expect(localizedName({ en: 'Customs', ru: 'Таможня' }, 'ru')).toBe('Таможня')
    expect(localizedName({ en: 'Customs' }, 'ru')).toBe('Customs')
    expect(localizedName({ fr: 'Douane' }, 'ru')).toBe('Douane')
  })

  it('returns an empty string for values that are not name maps', () => {
    expect(localizedName(null, 'en')).toBe('')
    expect(localizedName('Customs', 'en')).toBe('')
    expect(localizedName({ en: 42 }, 'en')).toBe('')
  })
})
