import { describe, expect, it } from 'vitest'
import { languageStates, outOfDateCounts } from './completeness'

const both = { en: 'Seals', ru: 'Пломбы' }
const module = { title: both, bodyLocales: ['en', 'ru'], outOfDate: [] }

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

  it('calls a complete language out of date when a module is, and counts such modules', () => {
    const modules = [{ ...module, outOfDate: ['ru' as const] }, { ...module, outOfDate: ['ru' as const] }, module]
    expect(languageStates({ title: both, summary: both, modules })).toEqual({ en: 'complete', ru: 'outOfDate' })
    expect(outOfDateCounts(modules)).toEqual({ en: 0, ru: 2 })
  })

  it('calls a language out of date when its course title or summary draft is (ADR 024)', () => {
    expect(languageStates({ title: both, summary: both, modules: [module], details: ['en'] })).toEqual({
      en: 'outOfDate',
      ru: 'complete',
    })
  })

  it('keeps a missing language missing even when a module is also out of date', () => {
    const modules = [{ ...module, bodyLocales: ['en'], outOfDate: ['ru' as const] }]
    expect(languageStates({ title: both, summary: both, modules }).ru).toBe('missing')
  })
})
