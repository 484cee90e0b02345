// Asks the e2e server's session broker (tests/support/session-broker.ts) for a new session; why tests
// sign in this way: tests/e2e/fixtures.ts.
import net from 'node:net'
import { z } from 'zod'

const BrokerReply = z.union([z.object({ setCookie: z.string() }), z.object({ error: z.string() })])

function askBroker(socketPath: string, request: object): Promise<string> {
  return new Promise((resolve, reject) => {
    let reply = ''
    const socket = net.createConnection(socketPath)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (reply += chunk))
    socket.on('end', () => resolve(reply))
    socket.on('error', reject)
    socket.end(JSON.stringify(request))
  })
}

/** The Set-Cookie header the login action would send to `email`. */
export async function requestSession(socketPath: string, email: string): Promise<string> {
  const reply = BrokerReply.parse(JSON.parse(await askBroker(socketPath, { email })))
  if ('error' in reply) throw new Error(`signing in ${email}: ${reply.error}`)
  return reply.setCookie
}

const PublishReply = z.union([z.object({ revision: z.number() }), z.object({ error: z.string() })])

/**
 * Has `email` append `appendEnglish` to a module's English body and publish it, the Russian left
 * unconfirmed (the studio has no publishing form yet); returns the new revision's number.
 */
export async function requestEnglishPublish(
  socketPath: string,
  publish: { email: string; course: string; module: string; appendEnglish: string },
): Promise<number> {
  const reply = PublishReply.parse(JSON.parse(await askBroker(socketPath, { publish })))
  if ('error' in reply) throw new Error(`publishing ${publish.course}/${publish.module}: ${reply.error}`)
  return reply.revision
}

const DraftReply = z.union([z.object({ version: z.number() }), z.object({ error: z.string() })])

/**
 * Has `email`, an editor of the course, replace one language's body of a module's draft (the studio has
 * no module editor yet); returns the draft's new version. Nothing is published.
 */
export async function requestDraftSave(
  socketPath: string,
  draft: { email: string; course: string; module: string; locale: 'en' | 'ru'; markdown: string },
): Promise<number> {
  const reply = DraftReply.parse(JSON.parse(await askBroker(socketPath, { draft })))
  if ('error' in reply) throw new Error(`saving the draft of ${draft.course}/${draft.module}: ${reply.error}`)
  return reply.version
}

const DeadlineReply = z.union([z.object({ deadline: z.string() }), z.object({ error: z.string() })])

/** Moves the deadline of a timed attempt in progress to `secondsLeft` from now; returns it. */
export async function requestDeadline(
  socketPath: string,
  deadline: { attemptId: string; secondsLeft: number },
): Promise<string> {
  const reply = DeadlineReply.parse(JSON.parse(await askBroker(socketPath, { deadline })))
  if ('error' in reply) throw new Error(`moving the deadline of ${deadline.attemptId}: ${reply.error}`)
  return reply.deadline
}
