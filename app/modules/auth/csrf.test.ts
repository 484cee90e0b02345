import { describe, expect, it } from 'vitest'
import { isAllowedOrigin, requestHost } from './csrf'

const host = 'localhost:3000'

describe('isAllowedOrigin', () => {
  it('lets reads through whatever their origin', () => {
    expect(isAllowedOrigin({ method: 'GET', origin: 'https://evil.example', host })).toBe(true)
  })

  it('accepts a POST from the host it was sent to', () => {
    expect(isAllowedOrigin({ method: 'POST', origin: 'http://localhost:3000', host })).toBe(true)
  })

  it.each([
    ['https://evil.example'],
    [undefined],
    ['null'],
    ['not a url'],
    ['http://localhost:3000.evil.example'],
    ['http://localhost:4000'],
  ])('refuses a POST with origin %s', (origin) => {
    expect(isAllowedOrigin({ method: 'POST', origin, host })).toBe(false)
  })

  it('refuses a POST whose host is unknown', () => {
    expect(isAllowedOrigin({ method: 'POST', origin: 'http://localhost:3000', host: undefined })).toBe(false)
  })

  it('treats every non-read method alike', () => {
    expect(isAllowedOrigin({ method: 'delete', origin: undefined, host })).toBe(false)
  })
})

describe('requestHost', () => {
  it('prefers the first forwarded host, as Remix does', () => {
    expect(requestHost({ forwardedHost: 'training.example.org, proxy.internal', host: '10.0.0.5:3000' })).toBe(
      'training.example.org',
    )
    expect(requestHost({ forwardedHost: undefined, host })).toBe(host)
    expect(requestHost({ forwardedHost: '', host })).toBe(host)
  })
})
