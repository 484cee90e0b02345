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
