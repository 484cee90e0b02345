import { describe, expect, it } from 'vitest'
import { localizedName } from './localized'

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
