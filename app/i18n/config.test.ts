import { describe, expect, it } from 'vitest'
import { localeFromPath, switchLocalePath } from './config'

describe('localeFromPath', () => {
  it('reads the first segment only', () => {
    expect(localeFromPath('/ru/account')).toBe('ru')
    expect(localeFromPath('/en')).toBe('en')
    expect(localeFromPath('/de/account')).toBeNull()
    expect(localeFromPath('/healthz')).toBeNull()
  })

  it("reads a page's data request as the page", () => {
    expect(localeFromPath('/ru.data')).toBe('ru')
    expect(localeFromPath('/en/courses.data')).toBe('en')
    expect(localeFromPath('/_root.data')).toBeNull()
  })
})

describe('switchLocalePath', () => {
  it('keeps the page and query when switching language', () => {
    expect(switchLocalePath({ pathname: '/en/admin/users', search: '?q=a', to: 'ru' })).toBe('/ru/admin/users?q=a')
    expect(switchLocalePath({ pathname: '/ru', search: '', to: 'en' })).toBe('/en')
  })

  it('leads to the home page when the current path has no language', () => {
    expect(switchLocalePath({ pathname: '/healthz', search: '', to: 'ru' })).toBe('/ru')
  })

  it('keeps a verification page, printed without a language, on screen', () => {
    expect(switchLocalePath({ pathname: '/verify/ABCD-EFGH', search: '', to: 'ru' })).toBe('/ru/verify/ABCD-EFGH')
  })
})
