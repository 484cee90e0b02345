import { describe, expect, it } from 'vitest'
import type { Question } from '~/modules/content/package.schema'
import { itemStatistics, type Band, type ResponseGroup } from './item-statistics'

const text = (en: string) => ({ en, ru: en })
const choice: Question = {
  slug: 'c',
  type: 'single',
  points: 1,
  prompt: text('Which?'),
  explanation: text('That one.'),
  options: ['a', 'b', 'c'].map((id) => ({ id, text: text(id), correct: id === 'a' })),
}

const group = (optionId: string, band: Band, attempts: number): ResponseGroup => ({
  questionId: 'q',
  definition: choice,
  generated: null,
  answer: { optionId },
  band,
  attempts,
})

describe('itemStatistics', () => {
  it('computes facility, upper-lower discrimination and option picks from response groups', () => {
    // 10 attempts: upper group of 3 all right, lower group of 3 with one right, 4 in the middle with 2 right.
    const groups = [
      group('a', 'upper', 3),
      group('a', 'lower', 1),
      group('b', 'lower', 2),
      group('a', 'middle', 2),
      group('b', 'middle', 2),
    ]
    const stats = itemStatistics([{ id: 'q', definition: choice }], groups).get('q')!
    expect(stats.drawn).toBe(10)
    expect(stats.facility).toBeCloseTo(0.6)
    expect(stats.discrimination).toBeCloseTo(1 - 1 / 3)
    expect(stats.bandSize).toBe(3)
    expect(Object.fromEntries(stats.picks!)).toEqual({ a: 6, b: 4, c: 0 })
    expect(stats.flags).toEqual(['unpickedOption'])
  })

  it('flags a question the weaker learners answer better, and judges nothing below ten attempts', () => {
    const reversed = [group('b', 'upper', 3), group('a', 'lower', 3), group('c', 'middle', 4)]
    expect(itemStatistics([{ id: 'q', definition: choice }], reversed).get('q')!.flags).toEqual([
      'negativeDiscrimination',
    ])
    const few = itemStatistics([{ id: 'q', definition: choice }], [group('b', 'upper', 1), group('b', 'lower', 1)])
    expect(few.get('q')).toMatchObject({ drawn: 2, facility: 0, discrimination: 0, flags: [] })
  })

  it('reports a question no attempt drew without numbers', () => {
    expect(itemStatistics([{ id: 'q', definition: choice }], []).get('q')).toMatchObject({
      drawn: 0,
      facility: null,
      discrimination: null,
    })
  })
})
