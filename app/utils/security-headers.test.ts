import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, strictTransportSecurity } from './security-headers'

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]))

describe('contentSecurityPolicy', () => {
  it("runs only the site's own scripts and the inline ones with this response's nonce", () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', development: false }))
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123=='"])
    expect(Object.values(policy).flat()).not.toContain("'unsafe-inline'")
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'")
  })

  it('allows no plugin, no other base, no form target elsewhere and no framing', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: false }))
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      // Inline styles only with the response's nonce (the studio editor's <style> element), never attributes.
      'style-src': ["'self'", "'nonce-n'"],
    })
  })

  it("relaxes styles and connections for Vite's dev server only, never scripts", () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'n', development: true }))
    expect(dev['style-src']).toContain("'unsafe-inline'")
    expect(dev['connect-src']).toContain('ws:')
    expect(dev['script-src']).toEqual(["'self'", "'nonce-n'"])
  })
})

describe('strictTransportSecurity', () => {
  it('is sent for an https site, for a year with subdomains', () => {
    expect(strictTransportSecurity('https://training.example.org')).toBe('max-age=31536000; includeSubDomains')
  })

  it('is not sent for a plain-http site', () => {
    expect(strictTransportSecurity('http://localhost:3000')).toBeUndefined()
  })
})
