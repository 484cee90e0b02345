import { describe, expect, it } from 'vitest'
import { addressedSite, isAllowedOrigin, type AddressedSite } from './csrf'

const local: AddressedSite = { scheme: 'http', host: 'localhost:3000' }
const siteOrigin = 'http://localhost:3000'
const post = (origin: string | undefined, addressed: AddressedSite | undefined = local, site = siteOrigin) =>
  isAllowedOrigin({ method: 'POST', origin, addressed, siteOrigin: site })

describe('isAllowedOrigin', () => {
  it('lets reads through whatever their origin', () => {
    expect(isAllowedOrigin({ method: 'GET', origin: 'https://evil.example', addressed: local, siteOrigin })).toBe(true)
  })

  it('accepts a POST from the site it was sent to', () => {
    expect(post('http://localhost:3000')).toBe(true)
  })

  it.each([
    ['https://evil.example'],
    [undefined],
    ['null'],
    ['not a url'],
    ['http://localhost:3000.evil.example'],
    ['http://localhost'],
  ])('refuses a POST with origin %s', (origin) => {
    expect(post(origin)).toBe(false)
  })

  it('refuses a POST from another port of the same host', () => {
    expect(post('http://localhost:4000')).toBe(false)
    expect(post('https://training.example.org:8443', { scheme: 'https', host: 'training.example.org' })).toBe(false)
  })

  it('refuses a POST from the same host under another scheme', () => {
    // A page on plain http (which anyone on the network can write) posting to the https site…
    const https: AddressedSite = { scheme: 'https', host: 'training.example.org' }
    expect(post('http://training.example.org', https, 'https://training.example.org')).toBe(false)
    // …and the other way round.
    expect(post('https://localhost:3000')).toBe(false)
  })

  it("accepts BASE_URL's scheme when a TLS proxy's X-Forwarded-Proto is not trusted", () => {
    const behindProxy: AddressedSite = { scheme: 'http', host: 'training.example.org' }
    expect(post('https://training.example.org', behindProxy, 'https://training.example.org')).toBe(true)
    expect(post('http://training.example.org', behindProxy, 'https://training.example.org')).toBe(true)
  })

  it("refuses BASE_URL's origin when the request was sent to another host, as Remix would", () => {
    // Sent to 127.0.0.1:3000 while claiming to come from localhost: Remix itself would abort the action.
    expect(post('http://localhost:3000', { scheme: 'http', host: '127.0.0.1:3000' })).toBe(false)
  })

  it('refuses a POST whose host is unknown', () => {
    const origin = 'http://localhost:3000'
    expect(isAllowedOrigin({ method: 'POST', origin, addressed: undefined, siteOrigin })).toBe(false)
  })

  it('treats every non-read method alike', () => {
    expect(isAllowedOrigin({ method: 'delete', origin: undefined, addressed: local, siteOrigin })).toBe(false)
  })
})

describe('addressedSite', () => {
  const proxied = {
    host: '10.0.0.5:3000',
    forwardedHost: 'training.example.org, proxy.internal',
    forwardedProto: 'https, http',
    encrypted: false,
  }

  it('takes the first forwarded host and scheme from a trusted proxy, as Remix does', () => {
    expect(addressedSite({ ...proxied, trustProxy: true })).toEqual({ scheme: 'https', host: 'training.example.org' })
  })

  it('ignores forwarded headers without TRUST_PROXY: any client can send them', () => {
    expect(addressedSite({ ...proxied, trustProxy: false })).toEqual({ scheme: 'http', host: '10.0.0.5:3000' })
  })

  it('lets a forged X-Forwarded-Host pass no POST without TRUST_PROXY', () => {
    const addressed = addressedSite({ ...proxied, forwardedHost: 'evil.example', trustProxy: false })
    expect(post('http://evil.example', addressed)).toBe(false)
    expect(post('http://10.0.0.5:3000', addressed)).toBe(true)
  })

  it('falls back to Host and the connection when a trusted proxy sends no forwarded headers', () => {
    const direct = { host: 'localhost:3000', forwardedHost: '', forwardedProto: undefined, trustProxy: true }
    expect(addressedSite({ ...direct, encrypted: false })).toEqual(local)
    expect(addressedSite({ ...direct, encrypted: true })).toEqual({ scheme: 'https', host: 'localhost:3000' })
  })

  it('ignores a forwarded scheme other than http and https', () => {
    expect(addressedSite({ ...proxied, forwardedProto: 'javascript', trustProxy: true })?.scheme).toBe('http')
  })

  it('knows no site without a Host', () => {
    expect(
      addressedSite({
        host: undefined,
        forwardedHost: undefined,
        forwardedProto: undefined,
        encrypted: false,
        trustProxy: false,
      }),
    ).toBeUndefined()
  })
})
