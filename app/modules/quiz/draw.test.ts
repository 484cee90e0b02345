import { describe, expect, it } from 'vitest'
import type { Question } from '~/modules/content/package.schema'
import { isDrawOf, partOrder } from './draw'

const text = (en: string) => ({ en, ru: en })
const base = { points: 1, prompt: text('Prompt'), explanation: text('Why') }

const matching: Question = {
  ...base,
  slug: 'pillars',
  type: 'matching',
  pairs: ['p1', 'p2', 'p3'].map((id) => ({ id, left: text(`left ${id}`), right: text(`right ${id}`) })),
}
const trueFalse: Question = { ...base, slug: 'seal', type: 'true-false', answer: true }
const spot: Question = { ...base, slug: 'spot', type: 'container-check-digit', task: 'spot-wrong', choices: 3 }
const compute: Question = { ...base, slug: 'digit', type: 'container-check-digit', task: 'compute', choices: 4 }

describe('isDrawOf: a draw sent back by a browser', () => {
  it('takes any order of exactly the question’s parts', () => {
    expect(isDrawOf(matching, { order: ['p3', 'p1', 'p2'], generated: null })).toBe(true)
    const drawn = partOrder(matching, { shuffleOptions: true, random: Math.random })
    expect(isDrawOf(matching, { order: drawn, generated: null })).toBe(true)
  })

  it.each([
    ['a part the question does not have', ['p1', 'p2', 'x']],
    ['a part twice', ['p1', 'p1', 'p2']],
    ['a part missing', ['p1', 'p2']],
    ['a part too many', ['p1', 'p2', 'p3', 'p3']],
    ['no order', null],
  ])('refuses %s', (_, order) => {
    expect(isDrawOf(matching, { order, generated: null })).toBe(false)
  })

  it('refuses an order or numbers for a question that has neither', () => {
    expect(isDrawOf(trueFalse, { order: null, generated: null })).toBe(true)
    expect(isDrawOf(trueFalse, { order: [], generated: null })).toBe(false)
    expect(isDrawOf(trueFalse, { order: null, generated: ['CSQU3054383'] })).toBe(false)
  })

  it('takes as many container numbers as the question shows, and nothing else', () => {
    const shown = ['CSQU3054383', 'MSKU9070325', 'TGHU1234567']
    expect(isDrawOf(spot, { order: null, generated: shown })).toBe(true)
    expect(isDrawOf(spot, { order: null, generated: shown.slice(0, 2) })).toBe(false)
    expect(isDrawOf(spot, { order: null, generated: null })).toBe(false)
    expect(isDrawOf(compute, { order: null, generated: ['CSQU3054383'] })).toBe(true)
    expect(isDrawOf(compute, { order: null, generated: ['csqu3054383'] })).toBe(false)
    expect(isDrawOf(compute, { order: null, generated: ['CSQU305438'] })).toBe(false)
  })
})
