import { describe, expect, it } from 'vitest'
import { safeRedirect } from './redirect'

describe('safeRedirect', () => {
  it.each(['/en/account', '/ru/admin/users?page=2', '/en#main'])('keeps the local path %s', (path) => {
    expect(safeRedirect(path, '/en')).toBe(path)
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%255Cevil.example',
    '/%2F/evil.example',
    // Safe as written, protocol-relative once the dot segments are resolved.
    '/a/..//evil.example',
    '/%2e%2e//evil.example',
    '/.//evil.example',
    '/x/%2E%2E//evil.example/p?q#h',
    '/en/../\\evil.example',
    'javascript:alert(1)',
    'https://evil.example/',
    'evil.example',
    '/\tevil',
    '/%',
    '',
    null,
    undefined,
  ])('falls back for %s', (target) => {
    expect(safeRedirect(target, '/en')).toBe('/en')
  })

  it('returns the normalised path, which is what the browser would have gone to', () => {
    expect(safeRedirect('/en/courses/../me?x=1#top', '/en')).toBe('/en/me?x=1#top')
  })
})
