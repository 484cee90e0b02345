// A kept-alive connection after an answer that did not read the request's body, as Remix leaves it.
import { once } from 'node:events'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { afterEach, expect, it } from 'vitest'
import { discardUnreadBody } from './unread-body'

let server: http.Server | undefined
afterEach(() => server?.closeAllConnections())

it('answers the next request on the connection after an answer that left the body unread', async () => {
  const app = express()
  app.use(discardUnreadBody())
  app.post('/upload', (req, res) => {
    // What Remix does with every request: wrap the body in a stream, which nobody reads here.
    createReadableStreamFromReadable(req)
    res.redirect(302, '/login')
  })
  app.get('/next', (_req, res) => void res.send('next'))
  server = http.createServer(app).listen(0, '127.0.0.1')
  await once(server, 'listening')

  const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1')
  let received = ''
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk))
  const body = 'x'.repeat(1024 * 1024)
  socket.write(`POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: ${body.length}\r\n\r\n`)
  socket.write(body)
  socket.write('GET /next HTTP/1.1\r\nHost: test\r\n\r\n')
  for (let waited = 0; waited < 3000 && !received.includes('\r\n\r\nnext'); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  socket.destroy()
  expect(received).toMatch(/^HTTP\/1\.1 302/)
  expect(received).toContain('\r\n\r\nnext')
})
