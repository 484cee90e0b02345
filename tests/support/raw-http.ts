// HTTP requests as a careless or hostile client sends them: any method, an address as written (broken
// percent-encoding included), any body, with or without Content-Length. fetch() normalises or refuses
// all of these.
import http from 'node:http'

export interface RawRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: Uint8Array | string
  /** Sent without Content-Length, in chunks. */
  chunked?: boolean
  /**
   * Content-Length announced, the body never sent: only a server that refuses on the header alone answers
   * (else the 20 s timeout fails the request). Sending the body anyway races the server's close: the
   * client may get a broken pipe or a reset that loses the answer it was sent.
   */
  withholdBody?: boolean
}

export interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export function sendRaw(port: number, request: RawRequest, agent?: http.Agent): Promise<RawAnswer> {
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : (request.body ?? new Uint8Array())
  const headers: Record<string, string> = { Host: `localhost:${port}`, ...request.headers }
  // Explicit: Node sends a GET's body unframed otherwise, and the server reads it as the next request.
  if (request.chunked) headers['Transfer-Encoding'] = 'chunked'
  else headers['Content-Length'] = String(body.byteLength)
  return new Promise((resolve, reject) => {
    let answer: RawAnswer | undefined
    const chunks: Buffer[] = []
    const finish = () => resolve({ ...answer!, body: Buffer.concat(chunks).toString('utf8') })
    const outgoing = http.request(
      { host: '127.0.0.1', port, method: request.method, path: request.path, headers, agent: agent ?? false },
      (response) => {
        answer = { status: response.statusCode ?? 0, headers: response.headers, body: '' }
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', finish)
      },
    )
    outgoing.setTimeout(20_000, () => outgoing.destroy(new Error('no answer within 20 s')))
    // A server that answers before reading the whole body (a 413) may close while the body is still being
    // sent: what it answered counts, not the broken pipe after it.
    outgoing.on('error', (error) => (answer ? finish() : reject(error)))
    if (request.withholdBody) return outgoing.flushHeaders()
    if (!request.chunked) return outgoing.end(body)
    // A few chunks, so the server cannot know the size before it has read them.
    for (let at = 0; at < body.byteLength; at += 64 * 1024) outgoing.write(body.subarray(at, at + 64 * 1024))
    outgoing.end()
  })
}
