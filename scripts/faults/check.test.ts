import { describe, expect, it } from 'vitest'
import type { Question } from '~/modules/content/package.schema'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { lostSave } from './check'
import type { LearnerRun } from './learners'

// Two single-choice questions shown in the order a, b, c: the form posts the option's place (`q0=1`).
const question = (slug: string): FrozenQuestion => {
  const definition: Question = {
    slug,
    type: 'single',
    points: 1,
    prompt: { en: 'Which?', ru: 'Какой?' },
    explanation: { en: 'Because.', ru: 'Потому что.' },
    options: ['a', 'b', 'c'].map((id) => ({ id, text: { en: id, ru: id }, correct: id === 'a' })),
  }
  return { questionId: slug, points: 1, definition, order: ['a', 'b', 'c'], generated: null }
}
const questions = [question('first'), question('second')]

const save = (seq: number, place: number, acknowledged: boolean) => ({
  seq,
  acknowledged,
  body: new URLSearchParams({ intent: 'save', seq: String(seq), shown: '0,1', q0: String(place), q1: String(place) }),
})
const run = (...saves: ReturnType<typeof save>[]): LearnerRun => ({ userId: 'u', cookie: '', attemptId: 'a', saves })
const stored = (seq: number, optionId: string) =>
  new Map([0, 1].map((position) => [position, { seq, answer: { optionId } }]))

describe('lostSave: what the fault test counts as a lost answer', () => {
  it('finds the last acknowledged save stored', () => {
    expect(lostSave(run(save(10, 0, true), save(20, 1, true)), stored(20, 'b'), questions)).toBeNull()
  })

  it('accepts a later save the server stored but could not acknowledge', () => {
    expect(lostSave(run(save(10, 0, true), save(20, 2, false)), stored(20, 'c'), questions)).toBeNull()
  })

  it('reports an acknowledged save overwritten by an older one, or missing', () => {
    expect(lostSave(run(save(10, 0, true), save(20, 1, true)), stored(10, 'a'), questions)).toBe(
      'position 0: stored seq 10, acknowledged seq 20',
    )
    expect(lostSave(run(save(10, 0, true)), new Map(), questions)).toBe(
      'position 0: nothing stored, acknowledged seq 10',
    )
  })

  it('reports a stored answer other than the one sent with that seq', () => {
    expect(lostSave(run(save(10, 0, true)), stored(10, 'b'), questions)).toBe(
      'position 0: another answer than seq 10 sent',
    )
  })

  it('has nothing to check for a learner without an acknowledged save', () => {
    expect(lostSave(run(save(10, 0, false)), new Map(), questions)).toBeNull()
  })
})
