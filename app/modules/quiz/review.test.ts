import { describe, expect, it } from 'vitest'
import type { Question } from '~/modules/content/package.schema'
import type { FrozenQuestion } from './draw'
import { reviewItem } from './review'
import { reviewAllowed } from './review-policy'

const text = (en: string, ru: string) => ({ en, ru })
const frozen = (definition: Question, generated: string[] | null = null): FrozenQuestion => ({
  questionId: definition.slug,
  points: definition.points,
  definition,
  order: null,
  generated,
})
const base = { points: 2, prompt: text('Prompt', 'Вопрос'), explanation: text('Because.', 'Потому что.') }

describe('reviewItem', () => {
  it('shows the learner’s answer, the right one and the explanation in the learner’s language', () => {
    const multiple: Question = {
      ...base,
      slug: 'criteria',
      type: 'multiple',
      options: [
        { id: 'a', text: text('Solvency', 'Платёжеспособность'), correct: true },
        { id: 'b', text: text('Records', 'Учёт'), correct: true },
        { id: 'c', text: text('Fleet colour', 'Цвет автопарка'), correct: false },
      ],
    }
    expect(reviewItem(frozen(multiple), { optionIds: ['a', 'c'] }, 'ru')).toEqual({
      prompt: 'Вопрос',
      points: 2,
      fraction: 0,
      given: { kind: 'texts', texts: ['Платёжеспособность', 'Цвет автопарка'] },
      correct: { kind: 'texts', texts: ['Платёжеспособность', 'Учёт'] },
      explanation: 'Потому что.',
    })
  })

  it('writes numbers as a learner reads them, and shows a missing answer as none', () => {
    const year: Question = { ...base, slug: 'year', type: 'numeric', answer: 2005, tolerance: 0 }
    expect(reviewItem(frozen(year), { value: 2005 }, 'ru')).toMatchObject({
      fraction: 1,
      given: { texts: ['2005'] },
      correct: { texts: ['2005'] },
    })
    const weight: Question = { ...base, slug: 'weight', type: 'numeric', answer: 24.5, tolerance: 0.5 }
    expect(reviewItem(frozen(weight), undefined, 'ru')).toMatchObject({
      fraction: 0,
      given: { texts: [] },
      correct: { texts: ['24,5 ± 0,5'] },
    })
  })

  it('shows the generated container numbers of the attempt with the right check digit', () => {
    const spot: Question = { ...base, slug: 'spot', type: 'container-check-digit', task: 'spot-wrong', choices: 3 }
    const numbers = ['CSQU3054383', 'MSKU9070325', 'TGHU1234567']
    expect(reviewItem(frozen(spot, numbers), { number: 'CSQU3054383' }, 'en')).toMatchObject({
      fraction: 0,
      given: { texts: ['CSQU3054383'] },
      correct: { texts: ['MSKU9070325 → MSKU9070323'] },
    })
  })
})

describe('reviewAllowed', () => {
  it('follows the quiz policy', () => {
    expect(reviewAllowed('after-attempt', { passed: false })).toBe(true)
    expect(reviewAllowed('after-pass', { passed: false })).toBe(false)
    expect(reviewAllowed('after-pass', { passed: true })).toBe(true)
    expect(reviewAllowed('never', { passed: true })).toBe(false)
  })
})
