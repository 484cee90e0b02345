import { describe, expect, it } from 'vitest'
import { localizedName, readLocalizedList, readLocalizedText } from './localized'

describe('readLocalizedText', () => {
  it('takes any language codes and requires none, so a third language needs no code change', () => {
    const text = { en: 'Customs', ru: 'Таможня', ka: 'საბაჟო', 'sr-Latn': 'Carina' }
    expect(readLocalizedText(text)).toEqual(text)
    expect(readLocalizedText({ ro: 'Vama' })).toEqual({ ro: 'Vama' })
    expect(readLocalizedText({})).toEqual({})
  })

  it('leaves out what is not a language code with its text', () => {
    for (const value of [{ en: 42 }, { en: ['Customs'] }, { English: 'Customs' }, { 'en-': 'Customs' }]) {
      expect(readLocalizedText(value)).toEqual({})
    }
  })
})

describe('readLocalizedList', () => {
  it('takes a list per language and leaves out a bare text or a list with a number in it', () => {
    const objectives = { en: ['Check a seal', 'Record it'], ru: ['Проверить пломбу'], ka: [] }
    expect(readLocalizedList(objectives)).toEqual(objectives)
    expect(readLocalizedList({ en: 'Check a seal' })).toEqual({})
    expect(readLocalizedList({ en: ['Check a seal', 7] })).toEqual({})
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
