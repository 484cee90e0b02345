// Stopping without failing a request, also behind a load balancer that keeps connections open to us
// (nginx's `keepalive`, docs/deploy/nginx-lms.conf). Closing the listener is not enough: the proxy goes
// on sending over the connections it has, so the server never drains; and closing those connections
// while they look idle loses any request the proxy has just written on one but this busy process has not
// read yet — the proxy cannot tell whether a POST was processed, so it answers 502 rather than retry it.
// Instead every answer from now on carries `Connection: close`: the proxy learns from the answer itself
// that the connection ends, and sends its next requests elsewhere.
// One race is left to the proxy's side: a connection the proxy opened an instant before we stopped
// listening, still waiting in the kernel for this busy process to accept it, is reset with its request.
// nginx opens few new connections when it keeps enough idle ones (`keepalive`); to rule it out, take the
// instance out of nginx's upstream before stopping it (docs/deploy/README.md).
import type { Server } from 'node:http'
import net from 'node:net'
import type { NextFunction, Request, Response } from 'express'

/**
 * Connections still idle after this are closed. Closing an idle connection races with a request the
 * client may be sending on it at that moment, so the client should be the one to close it: nginx closes
 * its idle connections to us sooner (keepalive_timeout 4s in docs/deploy/nginx-lms.conf), and every
 * connection it uses meanwhile ends with its answer. Only clients that keep idle connections longer are
 * cut here.
 */
const IDLE_GRACE_MS = 5_000
const CLOSE_IDLE_EVERY_MS = 200

export function createDrain({ idleGraceMs = IDLE_GRACE_MS } = {}) {
  let draining = false
  // Requests whose answer has not started: they get `Connection: close` too when draining starts.
  const unanswered = new Set<Response>()

  /** First in the chain: marks answers while draining, and tells health checks to look elsewhere. */
  function middleware(req: Request, res: Response, next: NextFunction) {
    if (draining) {
      res.setHeader('Connection', 'close')
      if (req.path === '/healthz') {
        res.status(503).set('Cache-Control', 'no-store').json({ status: 'draining' })
        return
      }
    } else {
      unanswered.add(res)
      res.once('close', () => unanswered.delete(res))
    }
    next()
  }

  /** Stops accepting connections, lets every request finish, and calls `done` once no connection is left. */
  function drain(server: Server, done: () => void) {
    if (draining) return
    draining = true
    for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close')
    // http.Server#close would also close idle connections at once; net.Server#close only stops listening.
    net.Server.prototype.close.call(server, () => done())
    // A kept-alive connection nobody uses would keep us up for the 65 s keep-alive timeout. Timers run
    // before the event loop reads the sockets: after a long render, a request that has been waiting
    // unread would make its connection look idle. setImmediate runs once they have been read.
    const closeIdle = () => setImmediate(() => server.closeIdleConnections())
    setTimeout(() => {
      closeIdle()
      setInterval(closeIdle, CLOSE_IDLE_EVERY_MS).unref()
    }, idleGraceMs).unref()
  }

  return { middleware, drain, isDraining: () => draining }
}
