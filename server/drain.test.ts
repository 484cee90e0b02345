// Draining as a load balancer sees it, over raw kept-alive connections: the proxy's idle connections stay
// usable for a moment, every answer says `Connection: close`, and the server ends once they are all gone.
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { createDrain } from './drain'

interface Answer {
  head: string
  body: string
}

/** A kept-alive HTTP/1.1 connection that sends one request at a time and reads whole answers. */
async function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  await once(socket, 'connect')
  let buffer = ''
  let closed = false
  const waiting: (() => void)[] = []
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    buffer += chunk
    waiting.splice(0).forEach((wake) => wake())
  })
  socket.on('close', () => {
    closed = true
    waiting.splice(0).forEach((wake) => wake())
  })
  async function get(path: string): Promise<Answer> {
    socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`)
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n')
      const length = Number(/content-length: (\d+)/i.exec(buffer)?.[1] ?? NaN)
      if (end >= 0 && buffer.length >= end + 4 + length) {
        const answer = { head: buffer.slice(0, end), body: buffer.slice(end + 4, end + 4 + length) }
        buffer = buffer.slice(end + 4 + length)
        return answer
      }
      if (closed) throw new Error(`connection closed before the answer to ${path}`)
      await new Promise<void>((wake) => waiting.push(wake))
    }
  }
  return {
    get,
    end: () => socket.end(),
    isClosed: () => closed,
    closed: () => (closed ? Promise.resolve() : once(socket, 'close')),
  }
}

let stopServer: (() => void) | undefined
afterEach(() => stopServer?.())

/** A server whose /slow answers only when the test calls `release`. */
async function drainingServer() {
  const drain = createDrain({ idleGraceMs: 300 })
  let release = () => {}
  let slowStarted = () => {}
  const slowHasStarted = new Promise<void>((started) => (slowStarted = started))
  const app = express()
  app.use(drain.middleware)
  app.get('/fast', (_req, res) => void res.send('fast'))
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }))
  app.get('/slow', (_req, res) => {
    release = () => void res.send('slow')
    slowStarted()
  })
  const server = http.createServer(app)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  stopServer = () => server.closeAllConnections()
  const { port } = server.address() as AddressInfo
  return { drain, server, port, slowHasStarted, release: () => release() }
}

/** A server with one kept-alive connection that has been used once, told to drain. */
async function drainingWithIdleConnection() {
  const { drain, server, port } = await drainingServer()
  const idle = await connect(port)
  await idle.get('/fast')
  const state = { drained: false }
  drain.drain(server, () => (state.drained = true))
  return { idle, state }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('draining the server', () => {
  it('keeps idle kept-alive connections usable, answers with Connection: close, and ends when they are gone', async () => {
    const { drain, server, port, slowHasStarted, release } = await drainingServer()
    const idle = await connect(port)
    expect((await idle.get('/fast')).head).not.toMatch(/connection: close/i)
    const probe = await connect(port)
    const busy = await connect(port)
    const slow = busy.get('/slow')
    await slowHasStarted

    let drained = false
    drain.drain(server, () => (drained = true))

    // No new connections…
    await expect(connect(port)).rejects.toThrow(/ECONNREFUSED/)
    // …but the ones the proxy holds still work, and each answer tells it to let go of the connection.
    const late = await idle.get('/fast')
    expect(late.body).toBe('fast')
    expect(late.head).toMatch(/connection: close/i)
    await idle.closed()
    // A request that was already being handled is answered in full, with the same header.
    release()
    expect((await slow).head).toMatch(/connection: close/i)
    await busy.closed()
    // Health checks hear that this instance is going away.
    const health = await probe.get('/healthz')
    expect(health.head).toMatch(/^HTTP\/1\.1 503/)
    expect(JSON.parse(health.body)).toEqual({ status: 'draining' })
    await probe.closed()
    await settle()
    expect(drained).toBe(true)
  })

  it('does not take a connection for idle while its request waits unread behind a busy event loop', async () => {
    const { idle } = await drainingWithIdleConnection()
    const answer = idle.get('/fast')
    // Rendering pages for a while: the grace period ends before the request above has been read.
    const until = performance.now() + 500
    while (performance.now() < until);
    expect((await answer).body).toBe('fast')
  })

  it('ends as soon as the client has closed its idle connections, before the grace period', async () => {
    const { idle, state } = await drainingWithIdleConnection()
    idle.end() // nginx closing an idle connection after its keepalive_timeout
    await idle.closed()
    await settle()
    expect(state.drained).toBe(true)
  })

  it('closes a kept-alive connection nobody uses once the grace period is over', async () => {
    const { idle, state } = await drainingWithIdleConnection()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(idle.isClosed()).toBe(false)
    await idle.closed()
    await settle()
    expect(state.drained).toBe(true)
  })
})
