import { describe, expect, it } from 'vitest'
import { isAnswered, unansweredPositions } from './answered'
import type { PublicQuestion } from './public-question'

const single: PublicQuestion = {
  type: 'single',
  prompt: 'Which?',
  options: [
    { key: '0', text: 'A' },
    { key: '1', text: 'B' },
  ],
}
const numeric: PublicQuestion = { type: 'numeric', prompt: 'How many?' }
const matching: PublicQuestion = {
  type: 'matching',
  prompt: 'Match',
  left: [
    { key: '0', text: 'L1' },
    { key: '1', text: 'L2' },
  ],
  right: [
    { key: '0', text: 'R1' },
    { key: '1', text: 'R2' },
  ],
}
const ordering: PublicQuestion = {
  type: 'ordering',
  prompt: 'Order',
  items: [
    { key: '0', text: 'I1' },
    { key: '1', text: 'I2' },
  ],
}

describe('isAnswered', () => {
  it('counts a choice or a typed value, not an empty or blank one', () => {
    expect(isAnswered(single, { choices: ['1'] })).toBe(true)
    expect(isAnswered(single, { choices: [] })).toBe(false)
    expect(isAnswered(single, undefined)).toBe(false)
    expect(isAnswered(numeric, { value: '24,5' })).toBe(true)
    expect(isAnswered(numeric, { value: '  ' })).toBe(false)
    expect(isAnswered(numeric, { choices: [''], value: '' })).toBe(false)
  })

  it('wants every row of a matching or ordering question', () => {
    expect(isAnswered(matching, { pairs: { '0': '1', '1': '0' } })).toBe(true)
    expect(isAnswered(matching, { pairs: { '0': '1', '1': '' } })).toBe(false)
    expect(isAnswered(ordering, { pairs: { '1': '2' } })).toBe(false)
    expect(isAnswered(ordering, { pairs: { '0': '2', '1': '1' } })).toBe(true)
  })
})

describe('unansweredPositions', () => {
  it('lists the positions without an answer in page order', () => {
    expect(
      unansweredPositions([
        { position: 0, question: single, answer: { choices: ['0'] } },
        { position: 1, question: numeric, answer: {} },
        { position: 2, question: matching, answer: { pairs: { '0': '0' } } },
      ]),
    ).toEqual([1, 2])
  })
})
