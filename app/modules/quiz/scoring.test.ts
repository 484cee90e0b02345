import { describe, expect, it } from 'vitest'
import type { Question } from '~/modules/content/package.schema'
import { gradeAttempt, scoreAnswer } from './scoring'

const text = (en: string) => ({ en, ru: en })
const base = { points: 1, prompt: text('Prompt'), explanation: text('Why') }

const single: Question = {
  ...base,
  slug: 'seal-standard',
  type: 'single',
  options: [
    { id: 'a', text: text('ISO 17712'), correct: true },
    { id: 'b', text: text('ISO 6346'), correct: false },
  ],
}

const multiple: Question = {
  ...base,
  slug: 'aeo-criteria',
  type: 'multiple',
  options: [
    { id: 'a', text: text('Compliance record'), correct: true },
    { id: 'b', text: text('Record keeping'), correct: true },
    { id: 'c', text: text('Financial solvency'), correct: true },
    { id: 'd', text: text('Fleet colour'), correct: false },
    { id: 'e', text: text('Head office size'), correct: false },
  ],
}

const matching: Question = {
  ...base,
  slug: 'pillars',
  type: 'matching',
  pairs: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, left: text(`left ${id}`), right: text(`right ${id}`) })),
}

const ordering: Question = {
  ...base,
  slug: 'editions',
  type: 'ordering',
  items: ['2005', '2007', '2012', '2015'].map((id) => ({ id, text: text(id) })),
}

const numeric: Question = { ...base, slug: 'year', type: 'numeric', answer: 2005, tolerance: 0 }
const tolerant: Question = { ...base, slug: 'weight', type: 'numeric', answer: 24, tolerance: 0.5 }
const trueFalse: Question = { ...base, slug: 'seal-check', type: 'true-false', answer: false }

describe('scoreAnswer', () => {
  it('scores single choice all or nothing', () => {
    expect(scoreAnswer(single, { optionId: 'a' })).toBe(1)
    expect(scoreAnswer(single, { optionId: 'b' })).toBe(0)
    expect(scoreAnswer(single, { optionId: 'z' })).toBe(0)
  })

  it('gives multiple choice partial credit with penalties, never below zero', () => {
    expect(scoreAnswer(multiple, { optionIds: ['a', 'b', 'c'] })).toBe(1)
    expect(scoreAnswer(multiple, { optionIds: ['a', 'b'] })).toBeCloseTo(2 / 3)
    expect(scoreAnswer(multiple, { optionIds: ['a', 'b', 'c', 'd'] })).toBeCloseTo(0.5)
    expect(scoreAnswer(multiple, { optionIds: ['a', 'b', 'c', 'd', 'e'] })).toBe(0) // everything ticked
    expect(scoreAnswer(multiple, { optionIds: ['d', 'e'] })).toBe(0)
    expect(scoreAnswer(multiple, { optionIds: [] })).toBe(0)
    expect(scoreAnswer(multiple, { optionIds: ['a', 'a', 'a'] })).toBeCloseTo(1 / 3) // repeats count once
  })

  it('scores true/false', () => {
    expect(scoreAnswer(trueFalse, { value: false })).toBe(1)
    expect(scoreAnswer(trueFalse, { value: true })).toBe(0)
  })

  it('scores matching by the share of correct pairs', () => {
    expect(scoreAnswer(matching, { matches: { p1: 'p1', p2: 'p2', p3: 'p3', p4: 'p4' } })).toBe(1)
    expect(scoreAnswer(matching, { matches: { p1: 'p1', p2: 'p3', p3: 'p2' } })).toBe(0.25)
    expect(scoreAnswer(matching, { matches: {} })).toBe(0)
  })

  it('scores ordering by the share of items in their place', () => {
    expect(scoreAnswer(ordering, { order: ['2005', '2007', '2012', '2015'] })).toBe(1)
    expect(scoreAnswer(ordering, { order: ['2005', '2012', '2007', '2015'] })).toBe(0.5)
    expect(scoreAnswer(ordering, { order: ['2015', '2012', '2007', '2005'] })).toBe(0)
    expect(scoreAnswer(ordering, { order: ['2005'] })).toBe(0.25)
  })

  it('accepts numeric answers within the tolerance, bounds included', () => {
    expect(scoreAnswer(numeric, { value: 2005 })).toBe(1)
    expect(scoreAnswer(numeric, { value: 2004 })).toBe(0)
    expect(scoreAnswer(tolerant, { value: 24.5 })).toBe(1)
    expect(scoreAnswer(tolerant, { value: 23.5 })).toBe(1)
    expect(scoreAnswer(tolerant, { value: 24.51 })).toBe(0)
    expect(scoreAnswer(numeric, { value: Number.NaN })).toBe(0)
  })

  it('scores no answer, or an answer of the wrong shape, as zero', () => {
    for (const question of [single, multiple, trueFalse, matching, ordering, numeric]) {
      expect(scoreAnswer(question, undefined), question.type).toBe(0)
      expect(scoreAnswer(question, null), question.type).toBe(0)
      expect(
        scoreAnswer(question, { value: 'true', optionId: 1, optionIds: 'a', order: {}, matches: [] }),
        question.type,
      ).toBe(0)
    }
  })
})

describe('container check digit (generated, ISO 6346)', () => {
  const compute: Question = { ...base, slug: 'digit', type: 'container-check-digit', task: 'compute', choices: 4 }
  const spot: Question = { ...base, slug: 'spot', type: 'container-check-digit', task: 'spot-wrong', choices: 3 }
  // CSQU3054383 is the standard's own example; MSKU9070323 and TGHU1234567 are valid, so MSKU9070325 is not.
  const shown = ['CSQU3054383', 'MSKU9070325', 'TGHU1234567']

  it('grades the computed digit against the number generated for the attempt', () => {
    expect(scoreAnswer(compute, { digit: 3 }, ['CSQU3054383'])).toBe(1)
    expect(scoreAnswer(compute, { digit: 4 }, ['CSQU3054383'])).toBe(0)
    expect(scoreAnswer(compute, { digit: 3 }, null)).toBe(0)
    expect(scoreAnswer(compute, { number: 'CSQU3054383' }, ['CSQU3054383'])).toBe(0)
    expect(scoreAnswer(compute, { digit: 33 }, ['CSQU3054383'])).toBe(0)
    expect(scoreAnswer(compute, undefined, ['CSQU3054383'])).toBe(0)
  })

  it('accepts only the shown number whose check digit is wrong', () => {
    expect(scoreAnswer(spot, { number: 'MSKU9070325' }, shown)).toBe(1)
    expect(scoreAnswer(spot, { number: 'CSQU3054383' }, shown)).toBe(0)
    // A wrong number that was not shown in this attempt earns nothing.
    expect(scoreAnswer(spot, { number: 'CSQU3054384' }, shown)).toBe(0)
    expect(scoreAnswer(spot, { digit: 5 }, shown)).toBe(0)
  })
})

describe('gradeAttempt', () => {
  it('weighs questions by points and compares the percentage with the pass mark', () => {
    const items = [
      { points: 2, fraction: 1 },
      { points: 1, fraction: 0.5 },
      { points: 1, fraction: 0 },
    ]
    expect(gradeAttempt({ items, passMark: 62 })).toEqual({ earned: 2.5, available: 4, percent: 62.5, passed: true })
    expect(gradeAttempt({ items, passMark: 70 }).passed).toBe(false)
  })

  it('rounds to two decimals and passes exactly at the mark', () => {
    const thirds = [1, 1, 0].map((fraction) => ({ points: 1, fraction }))
    expect(gradeAttempt({ items: thirds, passMark: 66.67 })).toMatchObject({ percent: 66.67, passed: true })
    expect(gradeAttempt({ items: [], passMark: 70 })).toMatchObject({ percent: 0, passed: false })
  })
})
