// Tells a database that is away (restarting, stopped, unreachable) from every other error, so that a
// request failing because of it is answered "temporarily unavailable" (503) rather than as a bug (500).
// Prisma reports it in several shapes (its own P1xxx codes, or the driver's error in `meta`), and the
// `pg` driver, used directly by the migrator, in others; causes are followed.

/** Prisma: can't reach the server, timed out, closed the connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017'])
/** Kinds of Prisma's driver adapter errors for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])
/** Node's socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])
/** `pg`'s own messages for a connection that died or never came up (they carry no code). */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/

/**
 * SQLSTATE classes 08 (connection exception) and 57P (shut down by the administrator or a crash, or
 * starting up), and 53300 (too many connections): the server, not the query, is the problem.
 */
const isUnavailableState = (code: unknown) =>
  typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || code === '53300')

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = field(current, 'cause'), depth += 1) {
    const code = field(current, 'code')
    if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code))) return true
    if (isUnavailableState(code)) return true
    const adapter = field(field(field(current, 'meta'), 'driverAdapterError'), 'cause')
    if (ADAPTER_KINDS.has(String(field(adapter, 'kind'))) || isUnavailableState(field(adapter, 'originalCode')))
      return true
    if (current instanceof Error && PG_MESSAGES.test(current.message)) return true
  }
  return false
}
