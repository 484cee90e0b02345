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
})
