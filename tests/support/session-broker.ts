// Loaded into the Playwright suite's app server by scripts/e2e-server.ts (`--import`), never by the app
// or its build: it signs a user in for a test the way the login action does, without the login form.
// Why this way: tests/e2e/fixtures.ts. It also saves a module's draft and publishes a module change for a
// spec that needs one as its starting point (requestDraftSave, requestEnglishPublish in session-client.ts),
// and brings a timed attempt's deadline near, so a spec does not wait out a real exam (requestDeadline).
import cluster from 'node:cluster'
import { chmodSync } from 'node:fs'
import net from 'node:net'
import { z } from 'zod'
import { createSession } from '~/modules/auth/session.server'
import { sessionCookie } from '~/modules/auth/session-cookie'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { publishModule } from '~/modules/studio/revisions.server'
import { getPrisma } from '~/utils/db.server'
import { appProcessCount, getEnv } from '~/utils/env.server'

const SessionRequest = z.object({ email: z.string() })
const PublishRequest = z.object({
  publish: z.object({ email: z.string(), course: z.string(), module: z.string(), appendEnglish: z.string() }),
})
const DraftRequest = z.object({
  draft: z.object({
    email: z.string(),
    course: z.string(),
    module: z.string(),
    locale: z.enum(['en', 'ru']),
    markdown: z.string(),
  }),
})
const DeadlineRequest = z.object({ deadline: z.object({ attemptId: z.string(), secondsLeft: z.number() }) })

async function answer(request: string) {
  const parsed: unknown = JSON.parse(request)
  const deadline = DeadlineRequest.safeParse(parsed)
  if (deadline.success) return bringDeadlineNear(deadline.data.deadline)
  const publish = PublishRequest.safeParse(parsed)
  if (publish.success) return publishEnglishChange(publish.data.publish)
  const draft = DraftRequest.safeParse(parsed)
  if (draft.success) return saveDraft(draft.data.draft)
  return newSession(SessionRequest.parse(parsed))
}

/** A new session of the user with this e-mail, as the Set-Cookie header the login action would send. */
async function newSession({ email }: { email: string }) {
  const user = await getPrisma().user.findUnique({ where: { email }, select: { id: true } })
  if (!user) return { error: `no user has the e-mail ${email}` }
  const session = await createSession({ userId: user.id })
  return { setCookie: sessionCookie({ ...session, secure: getEnv().BASE_URL.startsWith('https:') }) }
}

/**
 * The studio's publishing has no browser form yet: a spec that needs a republished module asks for it
 * here. `email` becomes an editor of the course, appends a paragraph to the English body and publishes
 * it, the Russian left unconfirmed, through the studio's own functions.
 */
async function publishEnglishChange(request: z.infer<typeof PublishRequest>['publish']) {
  const prisma = getPrisma()
  const found = await prisma.module.findFirst({
    where: { slug: request.module, course: { slug: request.course } },
    select: { id: true, courseId: true },
  })
  const user = await prisma.user.findUnique({ where: { email: request.email }, select: { id: true } })
  if (!found || !user) return { error: `no module ${request.course}/${request.module} or user ${request.email}` }
  await prisma.courseEditor.upsert({
    where: { courseId_userId: { courseId: found.courseId, userId: user.id } },
    create: { courseId: found.courseId, userId: user.id },
    update: {},
  })
  const { texts } = await getModuleDraft({ moduleId: found.id })
  await saveModuleDraft({
    moduleId: found.id,
    locale: 'en',
    fields: { markdown: `${texts.en.markdown.trimEnd()}\n\n${request.appendEnglish}\n` },
    baseVersion: texts.en.version,
    userId: user.id,
  })
  const { revision } = await publishModule({ moduleId: found.id, userId: user.id })
  return { revision: revision.number }
}

/**
 * The module editor is not there yet: a spec that needs a saved draft asks for it here. `email` must
 * be an editor of the course; the body of one language is replaced, as the editor's save does.
 */
async function saveDraft(request: z.infer<typeof DraftRequest>['draft']) {
  const prisma = getPrisma()
  const [found, user] = await Promise.all([
    prisma.module.findFirst({
      where: { slug: request.module, course: { slug: request.course } },
      select: { id: true },
    }),
    prisma.user.findUnique({ where: { email: request.email }, select: { id: true } }),
  ])
  if (!found || !user) return { error: `no module ${request.course}/${request.module} or user ${request.email}` }
  const { texts } = await getModuleDraft({ moduleId: found.id })
  const saved = await saveModuleDraft({
    moduleId: found.id,
    locale: request.locale,
    fields: { markdown: request.markdown },
    baseVersion: texts[request.locale].version,
    userId: user.id,
  })
  return { version: saved.version }
}

/**
 * The shortest exam lasts a minute: a spec about what happens when time runs out moves the deadline of
 * an attempt in progress to `secondsLeft` from now instead of waiting, the server's clock left alone.
 */
async function bringDeadlineNear({ attemptId, secondsLeft }: z.infer<typeof DeadlineRequest>['deadline']) {
  const deadline = new Date(Date.now() + secondsLeft * 1000)
  const { count } = await getPrisma().quizAttempt.updateMany({
    where: { id: attemptId, status: 'IN_PROGRESS', deadline: { not: null } },
    data: { deadline },
  })
  return count === 1 ? { deadline: deadline.toISOString() } : { error: `no timed attempt ${attemptId} in progress` }
}

/** One request per connection: the client sends its JSON and ends, the answer ends the connection. */
function listen(socketPath: string) {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let request = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (request += chunk))
    socket.on('end', () => {
      answer(request)
        .catch((error: unknown) => ({ error: String(error) }))
        .then((reply) => socket.end(JSON.stringify(reply)))
    })
  })
  // Only this OS user may ask for sessions; the socket must not keep a stopping server alive.
  server.listen(socketPath, () => chmodSync(socketPath, 0o600))
  server.unref()
}

// With several app processes (PostgreSQL) the supervisor closes its database before forking: the
// processes that serve requests answer, sharing the socket as they share the port.
const socketPath = process.env.E2E_SESSION_SOCKET
const servesRequests = !cluster.isPrimary || appProcessCount(getEnv()) === 1
if (socketPath && servesRequests) listen(socketPath)
