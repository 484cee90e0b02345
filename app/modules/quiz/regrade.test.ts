import { describe, expect, it } from 'vitest'
import type { Question } from '~/modules/content/package.schema'
import type { FrozenQuestion } from './draw'
import { gradeWithReplacement, planRegrade } from './regrade'

const text = (en: string) => ({ en, ru: `${en} (ru)` })
const base = { slug: 'q', points: 1, prompt: text('Which document?'), explanation: text('Because.') }

const single = (correct: string, ids = ['a', 'b', 'c'], words = 'Option'): Question => ({
  ...base,
  type: 'single',
  options: ids.map((id) => ({ id, text: text(`${words} ${id}`), correct: id === correct })),
})
const ordering = (ids: string[], words = 'Step'): Question => ({
  ...base,
  type: 'ordering',
  items: ids.map((id) => ({ id, text: text(`${words} ${id}`) })),
})
const numeric = (answer: number, tolerance: number): Question => ({ ...base, type: 'numeric', answer, tolerance })

const plan = (frozen: Question, current: Question, points = { frozen: 1, current: 1 }) =>
  planRegrade({ definition: frozen, points: points.frozen }, { definition: current, points: points.current })

describe('planRegrade', () => {
  it('leaves a copy alone when only texts changed', () => {
    expect(plan(single('a'), single('a', ['a', 'b', 'c'], 'Reworded'))).toEqual({ kind: 'same' })
    expect(plan(single('a'), { ...single('a'), prompt: text('Another prompt') })).toEqual({ kind: 'same' })
  })

  it('carries a fixed key into the old copy and keeps the texts the learner saw', () => {
    const result = plan(single('a'), single('b', ['a', 'b', 'c'], 'Reworded'))
    expect(result).toEqual({ kind: 'regrade', points: 1, definition: single('b') })
  })

  it('regrades a change of points alone', () => {
    expect(plan(single('a'), single('a'), { frozen: 1, current: 2 })).toEqual({
      kind: 'regrade',
      points: 2,
      definition: single('a'),
    })
  })

  it('takes a numeric answer and tolerance, and an ordering’s new order with the old item texts', () => {
    expect(plan(numeric(3, 0), numeric(3, 0.5))).toMatchObject({ kind: 'regrade', definition: numeric(3, 0.5) })
    const fixed = plan(ordering(['x', 'y', 'z']), ordering(['y', 'x', 'z'], 'New'))
    expect(fixed).toEqual({ kind: 'regrade', points: 1, definition: ordering(['y', 'x', 'z']) })
  })

  it('refuses another set of options or another type: that is another question', () => {
    expect(plan(single('a'), single('a', ['a', 'b', 'd']))).toEqual({ kind: 'incompatible' })
    expect(plan(single('a'), { ...base, type: 'true-false', answer: true })).toEqual({ kind: 'incompatible' })
  })
})

describe('gradeWithReplacement', () => {
  it('scores every question again with the replaced one, as the submit grades', () => {
    const questions: FrozenQuestion[] = [
      { questionId: '1', order: null, generated: null, points: 2, definition: single('a') },
      {
        questionId: '2',
        order: null,
        generated: null,
        points: 1,
        definition: { ...base, type: 'true-false', answer: true },
      },
    ]
    const answers = new Map<number, unknown>([
      [0, { optionId: 'b' }],
      [1, { value: true }],
    ])
    const grade = (replacement: { definition: Question; points: number }) =>
      gradeWithReplacement({ questions, answers, position: 0, replacement, passMark: 70 })
    expect(grade({ definition: single('a'), points: 2 })).toMatchObject({ percent: 33.33, passed: false })
    expect(grade({ definition: single('b'), points: 2 })).toMatchObject({ percent: 100, passed: true })
    expect(grade({ definition: single('a'), points: 1 })).toMatchObject({ percent: 50, passed: false })
  })
})
