import { describe, expect, it } from 'vitest'
import { href } from './href'

describe('href', () => {
  it('puts the language first and fills the placeholders', () => {
    expect(href('en', '/')).toBe('/en')
    expect(href('ru', '/courses')).toBe('/ru/courses')
    expect(href('en', '/courses/:course/modules/:module', { course: 'aeo', module: 'safe-framework' })).toBe(
      '/en/courses/aeo/modules/safe-framework',
    )
  })

  it('encodes values, so a slug or code cannot add path segments', () => {
    expect(href('en', '/verify/:code', { code: 'A/B?c' })).toBe('/en/verify/A%2FB%3Fc')
  })

  it('adds the query without empty values, and a hash', () => {
    expect(href('en', '/manage', { query: { administration: 'AM', q: '', unit: null, page: 2 } })).toBe(
      '/en/manage?administration=AM&page=2',
    )
    expect(href('ru', '/login', { query: new URLSearchParams({ redirectTo: '/ru/me?x=1' }) })).toBe(
      '/ru/login?redirectTo=%2Fru%2Fme%3Fx%3D1',
    )
    expect(href('en', '/account', { hash: 'password' })).toBe('/en/account#password')
  })

  it('refuses a missing placeholder value instead of building a broken link', () => {
    const build = href as (locale: 'en', path: string, options: object) => string
    expect(() => build('en', '/courses/:course', {})).toThrow(':course')
  })
})
