import { fieldPosition } from '~/modules/quiz/answer-fields'

/*
 * The attempt page's answers that the server has not acknowledged yet. Every change bumps a version
 * and marks its question waiting; a save sends the whole form as it is then, so when the server
 * acknowledges the save sent at version v, every question changed at or before v is stored. Saves go
 * one at a time, each with a larger `seq` than the last, so they reach the database in order.
 */

export class AnswerQueue {
  private version = 0
  private readonly waiting = new Map<number, number>()

  /** The learner changed an answer to the question at `position`. */
  changed(position: number) {
    this.waiting.set(position, ++this.version)
  }

  /** The version a save sent now carries: what the form holds at this moment. */
  current() {
    return this.version
  }

  /** The server stored the save sent at `version`. */
  acknowledged(version: number) {
    for (const [position, changedAt] of this.waiting) if (changedAt <= version) this.waiting.delete(position)
  }

  positions() {
    return [...this.waiting.keys()].sort((a, b) => a - b)
  }

  get size() {
    return this.waiting.size
  }
}

/** Seconds before the next try after `failures` failed saves in a row: 1, 2, 4 … up to 30. */
export function retryDelayMs(failures: number, jitter = Math.random()) {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (1 + 0.2 * jitter))
}

/** What survives a reload of the page in this tab: the waiting questions and the form's answer fields. */
export interface StoredAnswers {
  positions: number[]
  fields: [string, string][]
}

const isBoundedString = (value: unknown, max: number) => typeof value === 'string' && value.length <= max

/**
 * Checked by hand, not with a zod schema: this is the attempt page's only check in the browser, and zod
 * would bring ~100 KB of script to a learner's phone for it (ADR 036). Bounds as the page writes them.
 */
function isStoredAnswers(value: unknown): value is StoredAnswers {
  if (typeof value !== 'object' || value === null) return false
  const { positions, fields } = value as Record<string, unknown>
  return (
    Array.isArray(positions) &&
    positions.length <= 1000 &&
    positions.every((position) => Number.isInteger(position) && position >= 0) &&
    Array.isArray(fields) &&
    fields.length <= 5000 &&
    fields.every(
      (field) =>
        Array.isArray(field) &&
        field.length === 2 &&
        isBoundedString(field[0], 20) &&
        isBoundedString(field[1], 10_000),
    )
  )
}

const storageKey = (attemptId: string) => `lms:unsaved-answers:${attemptId}`

/** Reads what an earlier load of this attempt left unsaved; nothing for a missing or damaged entry. */
export function readStoredAnswers(storage: Storage, attemptId: string): StoredAnswers | null {
  try {
    const raw = storage.getItem(storageKey(attemptId))
    const parsed: unknown = raw === null ? null : JSON.parse(raw)
    return isStoredAnswers(parsed) && parsed.positions.length > 0 ? parsed : null
  } catch {
    return null
  }
}

/** Keeps the waiting answers in the tab's storage, or forgets them once none waits. */
export function storeAnswers(storage: Storage, attemptId: string, answers: StoredAnswers) {
  try {
    if (answers.positions.length === 0) storage.removeItem(storageKey(attemptId))
    else storage.setItem(storageKey(attemptId), JSON.stringify(answers))
  } catch {
    // Storage full or disabled (private mode): the answers still wait in the page and are retried.
  }
}

/** The form's answer fields of the given questions (all answer fields when `positions` is absent). */
export function answerFields(form: FormData, positions?: number[]): [string, string][] {
  const wanted = positions ? new Set(positions) : null
  const fields: [string, string][] = []
  for (const [name, value] of form.entries()) {
    const position = fieldPosition(name)
    if (position !== null && typeof value === 'string' && (!wanted || wanted.has(position))) fields.push([name, value])
  }
  return fields
}
