// The app instances behind nginx: production servers on one database, each on its own port, restarted
// one at a time the way docs/deploy/README.md tells an operator to.
import { spawnServer, type ServerExit } from '../bench/server'

export interface InstanceSettings {
  /** The address nginx serves, which every instance is configured with (BASE_URL). */
  publicUrl: string
  databaseEnv: Record<string, string | undefined>
}

export interface Instance {
  port: number
  /** Where the instance listens, for requests that bypass nginx. */
  url: string
  /** As nginx's $upstream_addr names it. */
  address: string
  stop(): Promise<ServerExit>
}

export interface RestartTiming {
  address: string
  /** Taken out of nginx's rotation until nginx had stopped sending it requests (0 without that step). */
  outOfRotationMs: number
  /** SIGTERM until the process had exited: the requests in flight drained. */
  drainMs: number
  exit: ServerExit
  /** The new process spawned until its /healthz answered 200. */
  startMs: number
  /** /healthz healthy until nginx had passed it a request again (its access log shows an answer); null
   * when the load ended before. */
  backInRotationMs: number | null
  /** SIGTERM until back in rotation. */
  totalMs: number
  /** When the SIGTERM was sent and when nginx was using the instance again (epoch ms). */
  startedAt: number
  endedAt: number
}

function instanceEnv(settings: InstanceSettings, port: number): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    BASE_URL: settings.publicUrl,
    TRUST_PROXY: 'true',
    WEB_CONCURRENCY: '1',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn', // a log line per request would be measured too
  }
  for (const [name, value] of Object.entries(settings.databaseEnv)) if (value !== undefined) env[name] = value
  return env
}

export async function startInstance(settings: InstanceSettings, port: number): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`
  const server = spawnServer(instanceEnv(settings, port))
  try {
    await server.ready(url)
  } catch (error) {
    await server.stop()
    throw error
  }
  const stop = async () => {
    await server.stop()
    return server.exited
  }
  return { port, url, address: `127.0.0.1:${port}`, stop }
}

/** Taking an instance out of the load balancer's rotation before it stops, and back once it is healthy. */
export interface Rotation {
  takeOut(instance: Instance): Promise<void>
  putBack(instance: Instance): Promise<void>
}

/**
 * Restarts each instance in turn while the others carry the load: out of rotation when `rotation` is
 * given, SIGTERM (the app stops accepting connections and finishes the requests it has), wait for the exit,
 * start it again, wait for /healthz, back into rotation, and wait until nginx sends it requests again before
 * the next one goes down — else nginx, which may still count the restarted one as failed for fail_timeout,
 * could find no instance to send to.
 */
export async function rollingRestart(options: {
  settings: InstanceSettings
  instances: Instance[]
  rotation?: Rotation
  /** Resolves true once nginx has had an answer from the instance at `address` (its access log), false
   * when the load ended before. */
  waitUntilServed: (address: string) => Promise<boolean>
  log: (line: string) => void
}): Promise<RestartTiming[]> {
  const { settings, instances, rotation, waitUntilServed, log } = options
  const timings: RestartTiming[] = []
  for (const [index, instance] of instances.entries()) {
    log(`Rolling restart: stopping ${instance.address}…`)
    const began = performance.now()
    const startedAt = Date.now()
    await rotation?.takeOut(instance)
    const stoppingAt = performance.now()
    const exit = await instance.stop()
    const exitedAt = performance.now()
    const fresh = await startInstance(settings, instance.port)
    const healthyAt = performance.now()
    instances[index] = fresh
    await rotation?.putBack(fresh)
    const served = await waitUntilServed(fresh.address)
    const backAt = performance.now()
    timings.push({
      address: instance.address,
      outOfRotationMs: stoppingAt - began,
      drainMs: exitedAt - stoppingAt,
      exit,
      startMs: healthyAt - exitedAt,
      backInRotationMs: served ? backAt - healthyAt : null,
      totalMs: backAt - began,
      startedAt,
      endedAt: Date.now(),
    })
    log(`Rolling restart: ${instance.address} is back (${((backAt - began) / 1000).toFixed(1)} s).`)
  }
  return timings
}
