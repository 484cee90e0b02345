// An answer sent before the request's body was read — a redirect to the login page for an anonymous
// upload, a refusal — must not leave the rest of that body in the connection. Node discards it itself
// unless something has started reading, and Remix has (it wraps every body in a stream that pauses when
// nobody reads it): the connection then stalls, and the next request a kept-alive client or a load
// balancer (nginx's `keepalive`) sends on it is never answered.
import type { NextFunction, Request, Response } from 'express'

export function discardUnreadBody() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.once('finish', () => {
      if (req.complete || req.destroyed) return
      // Without 'data' listeners a flowing stream drops what arrives, as Node's own discarding does.
      req.removeAllListeners('data')
      req.resume()
    })
    next()
  }
}
