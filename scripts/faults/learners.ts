// The learners of the fault test: each starts the final exam, opens the attempt and then saves its
// answers again and again, as the attempt page's script does, until told to stop. A request that fails
// (the database is away) is not the end of a learner: it waits a little and carries on, as the page's
// retry does, and every save is kept with its `seq` and whether the server acknowledged it.
import { setTimeout as sleep } from 'node:timers/promises'
import { filledIn, parseAttemptForm, type AttemptForm } from '../bench/attempt-form'
import { describeAnswer, startedAttempt } from '../bench/spike'
import type { Client } from './http'

export interface Save {
  seq: number
  body: URLSearchParams
  /** The server answered 200 with `savedAt`: from then on the learner trusts these answers are stored. */
  acknowledged: boolean
}

export interface LearnerRun {
  userId: string
  cookie: string
  attemptId?: string
  page?: AttemptForm
  saves: Save[]
}

export interface LoadOptions {
  client: Client
  learners: { id: string; token: string }[]
  courseSlug: string
  /** True once the run should end; each learner finishes the request it is sending. */
  stopped: () => boolean
  /** Called when a learner begins saving, so the faults start only once everyone is at it. */
  onSaving: () => void
}

/** Time between one learner's saves: a few answers a second across the class, as during an exam. */
const THINK_MS = [300, 900] as const
/** After a failure: 0.25 s, then doubling up to 2 s, as the page retries. */
const backoff = (failures: number) => Math.min(2_000, 250 * 2 ** Math.min(failures, 3))
const think = () => THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])

/** Failed saves in a row after which a learner reloads the attempt page. */
const RELOAD_AFTER_FAILURES = 2

export const attemptPath = (attemptId: string) => `/en/attempts/${attemptId}`

/** The attempt page's form, or null when the answer is not one (its problem is recorded). */
export async function loadAttemptPage(client: Client, run: LearnerRun, kind = 'page') {
  const answer = await client.send(kind, attemptPath(run.attemptId!), { cookie: run.cookie }, ({ response, body }) => {
    if (response.status !== 200) return describeAnswer(response, body)
    return parseAttemptForm(body)?.fields.length ? null : 'HTTP 200 without the attempt form'
  })
  return answer && parseAttemptForm(answer.body)
}

/** Sends the answers as the page's script does (its answers endpoint, JSON back), and records the save. */
export async function save(client: Client, run: LearnerRun, { seq, variant }: { seq: number; variant: number }) {
  const body = filledIn(run.page!, { intent: 'save', seq, variant })
  const sent: Save = { seq, body, acknowledged: false }
  run.saves.push(sent)
  const answer = await client.send(
    'save',
    `${attemptPath(run.attemptId!)}/answers`,
    { method: 'POST', body, cookie: run.cookie, accept: 'application/json' },
    ({ response, body: text }) =>
      response.status === 200 && text.includes('savedAt') ? null : describeAnswer(response, text),
  )
  sent.acknowledged = answer !== null
  return sent.acknowledged
}

async function learner(options: LoadOptions, run: LearnerRun) {
  const { client, stopped, courseSlug } = options
  let failures = 0
  const retry = () => sleep(backoff(failures++))
  while (!run.attemptId && !stopped()) {
    const answer = await client.send(
      'start',
      `/en/courses/${courseSlug}/exam`,
      { method: 'POST', body: new URLSearchParams({ intent: 'start' }), cookie: run.cookie },
      ({ response, body }) => (startedAttempt(response, body) ? null : describeAnswer(response, body)),
    )
    // A start whose answer was lost may still have opened the attempt: the next one is sent to it (409).
    if (answer) run.attemptId = startedAttempt(answer.response, answer.body)!.id
    else await retry()
  }
  while (run.attemptId && !run.page && !stopped()) {
    run.page = (await loadAttemptPage(client, run)) ?? undefined
    if (!run.page) await retry()
  }
  if (!run.page) return
  options.onSaving()
  let loadedAt = client.now()
  for (let variant = 0; !stopped(); variant += 1) {
    const { page } = run
    // As the page does: its seq plus the time spent on it, strictly growing.
    const seq = Math.max((run.saves.at(-1)?.seq ?? page!.seq) + 1, page!.seq + Math.round(client.now() - loadedAt))
    if (await save(client, run, { seq, variant })) {
      failures = 0
      await sleep(think())
      continue
    }
    await retry()
    // A learner whose answers keep failing reloads the page, as people do; the 503 page they may get
    // instead is part of what is checked. They go on with the reloaded form, or the old one.
    if (failures === RELOAD_AFTER_FAILURES && !stopped()) {
      const reloaded = await loadAttemptPage(client, run, 'reload')
      if (reloaded) [run.page, loadedAt] = [reloaded, client.now()]
    }
  }
}

export async function runLearners(options: LoadOptions): Promise<LearnerRun[]> {
  const runs = options.learners.map(({ id, token }) => ({ userId: id, cookie: `lms_session=${token}`, saves: [] }))
  await Promise.all(runs.map((run) => learner(options, run)))
  return runs
}
