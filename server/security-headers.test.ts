// The header middleware and the CSRF guard as Express runs them, over HTTP on a port of their own.
import type { AppLoadContext } from '@remix-run/node'
import express, { type Express, type RequestHandler } from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { csrfGuard } from './middleware'
import { contentSecurity, securityHeaders } from './security-headers'

// Vitest sets BASE_URL to Vite's base path, '/', which the environment check (read by the logger that
// middleware.ts imports) rightly refuses.
vi.hoisted(() => {
  process.env.BASE_URL = 'http://localhost:3000'
})

const servers: { close: () => void }[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

/** `app` (its middleware) in front of a handler that echoes the forwarded headers it was left with. */
async function serve(app: Express) {
  app.all('*', (req, res) => {
    res.json({
      forwardedHost: req.get('x-forwarded-host') ?? null,
      forwardedProto: req.get('x-forwarded-proto') ?? null,
    })
  })
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the test server has no port')
  return `http://127.0.0.1:${address.port}`
}

const withNonce: RequestHandler = (_req, res, next) => {
  res.locals.context = { cspNonce: 'test-nonce' } satisfies Partial<AppLoadContext>
  next()
}

describe('securityHeaders', () => {
  it('sends HSTS when the site is on https', async () => {
    const url = await serve(express().use(securityHeaders({ baseUrl: 'https://training.example.org' })))
    const response = await fetch(url)
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('sends no HSTS for a plain-http site', async () => {
    const url = await serve(express().use(securityHeaders({ baseUrl: 'http://localhost:3000' })))
    const response = await fetch(url)
    expect(response.headers.has('strict-transport-security')).toBe(false)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('contentSecurity', () => {
  it("puts the request's nonce in the policy", async () => {
    const url = await serve(express().use(withNonce, contentSecurity({ development: false })))
    const policy = (await fetch(url)).headers.get('content-security-policy')
    expect(policy).toContain("script-src 'self' 'nonce-test-nonce'")
  })
})

describe('csrfGuard over HTTP', () => {
  const proxied = { 'X-Forwarded-Host': 'training.example.org', 'X-Forwarded-Proto': 'https' }
  const post = (url: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers })

  it("without TRUST_PROXY, drops the client's forwarded headers and judges by Host", async () => {
    const url = await serve(express().use(csrfGuard({ trustProxy: false, baseUrl: 'https://training.example.org' })))
    expect((await post(url, { ...proxied, Origin: 'https://training.example.org' })).status).toBe(403)
    const own = await post(url, { ...proxied, Origin: url })
    expect(own.status).toBe(200)
    // What Remix then sees: the Host the browser addressed, which its own origin check compares too.
    expect(await own.json()).toEqual({ forwardedHost: null, forwardedProto: null })
  })

  it('with TRUST_PROXY, takes the site from the forwarded headers and passes them on', async () => {
    const url = await serve(express().use(csrfGuard({ trustProxy: true, baseUrl: 'https://training.example.org' })))
    const response = await post(url, { ...proxied, Origin: 'https://training.example.org' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ forwardedHost: 'training.example.org', forwardedProto: 'https' })
    expect((await post(url, { ...proxied, Origin: 'http://training.example.org:8080' })).status).toBe(403)
    expect((await post(url, { ...proxied, Origin: url })).status).toBe(403)
  })
})
