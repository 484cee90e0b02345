// autocannon ships no types and @types/autocannon is not installed: just the part the benchmark uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface Options {
      url: string
      connections?: number
      /** Seconds. */
      duration?: number
      method?: string
      headers?: Record<string, string>
      body?: string
      /** Called with each connection's client as it is made, to give it requests of its own. */
      setupClient?: (client: Client) => void
    }

    /** One request of a client's sequence; the hooks run before it is sent and when its answer is in. */
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
    }

    /** One connection. */
    interface Client extends EventEmitter {
      /** Replaces the requests this connection sends, in turn, for as long as it runs. */
      setRequests(requests: Request[]): void
    }

    interface Histogram {
      average: number
      mean: number
      min: number
      max: number
      p50: number
      p99: number
      /** Requests: completed responses; throughput: bytes. */
      total: number
    }

    interface Result {
      requests: Histogram
      latency: Histogram
      throughput: Histogram
      errors: number
      timeouts: number
      non2xx: number
      statusCodeStats: Record<string, { count: number }>
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance
  export default autocannon
}
