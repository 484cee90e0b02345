// Asks the e2e server's session broker (tests/support/session-broker.ts) for a new session; why tests
// sign in this way: tests/e2e/fixtures.ts.
import net from 'node:net'
import { z } from 'zod'

const BrokerReply = z.union([z.object({ setCookie: z.string() }), z.object({ error: z.string() })])

function askBroker(socketPath: string, email: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let reply = ''
    const socket = net.createConnection(socketPath)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (reply += chunk))
    socket.on('end', () => resolve(reply))
    socket.on('error', reject)
    socket.end(JSON.stringify({ email }))
  })
}

/** The Set-Cookie header the login action would send to `email`. */
export async function requestSession(socketPath: string, email: string): Promise<string> {
  const reply = BrokerReply.parse(JSON.parse(await askBroker(socketPath, email)))
  if ('error' in reply) throw new Error(`signing in ${email}: ${reply.error}`)
  return reply.setCookie
}
