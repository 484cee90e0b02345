// After the faults: every learner goes back to the attempt as a learner would — reloads the page, saves
// once more and submits — and must get through without a single failure. An attempt that cannot be
// loaded, saved or submitted is unusable: the learner would be stuck.
import { filledIn } from '../bench/attempt-form'
import { describeAnswer } from '../bench/spike'
import type { Client } from './http'
import { attemptPath, loadAttemptPage, save, type LearnerRun } from './learners'

/** Learners going back at the same time. */
const PARALLEL = 10

/** The first step that failed, or null when the learner saved and submitted. */
async function finish(client: Client, run: LearnerRun): Promise<string | null> {
  if (!run.attemptId) return 'never got an attempt'
  const page = await loadAttemptPage(client, run, 'reload')
  if (!page) return 'the attempt page did not load'
  run.page = page
  const seq = Math.max(page.seq, (run.saves.at(-1)?.seq ?? 0) + 1)
  if (!(await save(client, run, { seq, variant: run.saves.length }))) return 'the save after the outage failed'
  // The no-JavaScript submit: its answers are saved too, so it is kept as the learner's last save.
  const body = filledIn(page, { intent: 'submit', seq: seq + 1, variant: run.saves.length - 1 })
  const submitted = await client.send(
    'submit',
    `${attemptPath(run.attemptId)}?index`,
    { method: 'POST', body, cookie: run.cookie },
    ({ response, body: text }) =>
      response.status === 302 && response.headers.get('location')?.endsWith('/review')
        ? null
        : describeAnswer(response, text),
  )
  run.saves.push({ seq: seq + 1, body, acknowledged: submitted !== null })
  if (!submitted) return 'the submit failed'
  const review = await client.send(
    'review',
    `${attemptPath(run.attemptId)}/review`,
    { cookie: run.cookie },
    (answer) => (answer.response.status === 200 ? null : describeAnswer(answer.response, answer.body)),
  )
  return review ? null : 'the review page did not load'
}

/** Learners stuck after the faults, by the step that failed. */
export async function continueAttempts(client: Client, runs: LearnerRun[]) {
  const stuck = new Map<string, number>()
  let next = 0
  const worker = async () => {
    for (let index = next++; index < runs.length; index = next++) {
      const problem = await finish(client, runs[index]!)
      if (problem) stuck.set(problem, (stuck.get(problem) ?? 0) + 1)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return stuck
}
