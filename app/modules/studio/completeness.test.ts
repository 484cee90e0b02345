import { describe, expect, it } from 'vitest'
import { languageStates } from './completeness'

const both = { en: 'Seals', ru: 'Пломбы' }
const module = { title: both, bodyLocales: ['en', 'ru'] }

describe('languageStates', () => {
  it('calls a language complete when every text learners read is written in it', () => {
    expect(languageStates({ title: both, summary: both, modules: [module] })).toEqual({
      en: 'complete',
      ru: 'complete',
    })
  })

  it('calls a language missing for an empty course text, module title or module body', () => {
    expect(languageStates({ title: { en: 'Seals', ru: ' ' }, summary: both, modules: [] }).ru).toBe('missing')
    expect(languageStates({ title: both, summary: { ru: 'Пломбы' }, modules: [] }).en).toBe('missing')
    expect(languageStates({ title: both, summary: both, modules: [{ ...module, title: { en: 'x' } }] })).toEqual({
      en: 'complete',
      ru: 'missing',
    })
    expect(languageStates({ title: both, summary: both, modules: [{ ...module, bodyLocales: ['ru'] }] }).en).toBe(
      'missing',
    )
  })

  it('reads a malformed stored value as nothing written', () => {
    expect(languageStates({ title: 'Seals', summary: both, modules: [] })).toEqual({ en: 'missing', ru: 'missing' })
  })
})
