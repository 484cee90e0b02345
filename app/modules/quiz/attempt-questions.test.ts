import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../tests/support/seeded-random'
import type { Question } from '~/modules/content/package.schema'
import { drawQuestions, generateValues, partOrder, type FrozenQuestion } from './draw'
import { isValidContainerNumber } from './iso6346'
import { fromPublicAnswer, toPublicQuestion } from './public-question'
import { scoreAnswer } from './scoring'

const text = (en: string, ru = `${en} (ru)`) => ({ en, ru })
const base = {
  points: 1,
  prompt: text('Which standard covers high-security seals?'),
  explanation: text('ISO 17712 does.'),
}

const single: Question = {
  ...base,
  slug: 'seal-standard',
  type: 'single',
  options: [
    { id: 'correct-one', text: text('ISO 17712'), correct: true },
    { id: 'wrong-one', text: text('ISO 6346'), correct: false },
    { id: 'wrong-two', text: text('ISO 9001'), correct: false },
  ],
}
const ordering: Question = {
  ...base,
  slug: 'editions',
  type: 'ordering',
  items: ['adopted', 'aeo', 'cbm', 'pillar-three'].map((name, index) => ({
    id: `step-${index + 1}`,
    text: text(name),
  })),
}
const matching: Question = {
  ...base,
  slug: 'pillars',
  type: 'matching',
  pairs: ['p1', 'p2', 'p3'].map((id) => ({ id, left: text(`left ${id}`), right: text(`right ${id}`) })),
}
const numeric: Question = { ...base, slug: 'weight', type: 'numeric', answer: 24.5, tolerance: 0 }

const frozen = (definition: Question, order: string[] | null, generated: string[] | null = null): FrozenQuestion => ({
  questionId: definition.slug,
  points: definition.points,
  definition,
  order,
  generated,
})

describe('drawQuestions', () => {
  const pool = Array.from({ length: 12 }, (_, index) => ({
    id: `q${index}`,
    question: { ...single, slug: `q${index}` },
  }))

  it('draws the requested number of distinct questions from the pool', () => {
    const drawn = drawQuestions({
      pool,
      count: 5,
      shuffleQuestions: true,
      shuffleOptions: true,
      random: seededRandom(1),
    })
    const ids = drawn.map((question) => question.questionId)
    expect(new Set(ids).size).toBe(5)
    expect(ids.every((id) => pool.some((entry) => entry.id === id))).toBe(true)
  })

  it('keeps pool order and option order when the quiz does not shuffle', () => {
    const drawn = drawQuestions({
      pool,
      count: 12,
      shuffleQuestions: false,
      shuffleOptions: false,
      random: seededRandom(2),
    })
    expect(drawn.map((question) => question.questionId)).toEqual(pool.map((entry) => entry.id))
    expect(drawn[0]?.order).toEqual(['correct-one', 'wrong-one', 'wrong-two'])
  })

  it('varies between attempts', () => {
    const random = seededRandom(3)
    const draws = Array.from({ length: 10 }, () =>
      drawQuestions({ pool, count: 5, shuffleQuestions: true, shuffleOptions: true, random })
        .map((question) => question.questionId)
        .join(),
    )
    expect(new Set(draws).size).toBeGreaterThan(5)
  })

  it('draws the same number from every module when the exam draws per module', () => {
    const modules = ['seals', 'documents', 'risk']
    const examPool = Array.from({ length: 15 }, (_, index) => ({
      id: `e${index}`,
      question: { ...single, slug: `e${index}`, module: modules[index % 3] },
    }))
    const random = seededRandom(5)
    for (let attempt = 0; attempt < 50; attempt++) {
      const drawn = drawQuestions({
        pool: examPool,
        count: 6,
        perModule: 2,
        shuffleQuestions: true,
        shuffleOptions: true,
        random,
      })
      const perModule = modules.map(
        (module) => drawn.filter((q) => examPool.find((e) => e.id === q.questionId)?.question.module === module).length,
      )
      expect(perModule).toEqual([2, 2, 2])
    }
  })

  it('never shows ordering items already in order', () => {
    const random = seededRandom(4)
    for (let i = 0; i < 200; i++) {
      expect(partOrder(ordering, { shuffleOptions: false, random })).not.toEqual([
        'step-1',
        'step-2',
        'step-3',
        'step-4',
      ])
    }
  })
})

describe('toPublicQuestion', () => {
  it('shows texts in the learner language and nothing that tells the answer', () => {
    const order = ['wrong-two', 'correct-one', 'wrong-one']
    const shown = toPublicQuestion(frozen(single, order), 'ru')
    expect(shown).toEqual({
      type: 'single',
      prompt: 'Which standard covers high-security seals? (ru)',
      options: [
        { key: '0', text: 'ISO 9001 (ru)' },
        { key: '1', text: 'ISO 17712 (ru)' },
        { key: '2', text: 'ISO 6346 (ru)' },
      ],
    })
    const json = JSON.stringify([
      shown,
      toPublicQuestion(frozen(numeric, null), 'en'),
      toPublicQuestion(frozen(ordering, partOrder(ordering, { shuffleOptions: true, random: seededRandom(5) })), 'en'),
    ])
    for (const secret of ['correct', 'ISO 17712 does', 'step-', '24.5', 'explanation', 'answer'])
      expect(json).not.toContain(secret)
  })
})

describe('fromPublicAnswer', () => {
  it('maps positions back to ids, so the right choice scores', () => {
    const order = ['wrong-two', 'correct-one', 'wrong-one']
    expect(scoreAnswer(single, fromPublicAnswer(frozen(single, order), { choices: ['1'] }))).toBe(1)
    expect(scoreAnswer(single, fromPublicAnswer(frozen(single, order), { choices: ['0'] }))).toBe(0)
    expect(scoreAnswer(single, fromPublicAnswer(frozen(single, order), { choices: ['1', '2'] }))).toBe(0)
  })

  it('drops keys that are not part of this attempt', () => {
    expect(fromPublicAnswer(frozen(single, ['correct-one']), { choices: ['7'] })).toBeNull()
    expect(fromPublicAnswer(frozen(matching, ['p2', 'p1', 'p3']), { pairs: { '9': '0', '0': '9' } })).toEqual({
      matches: {},
    })
  })

  it('reads a blank select or choice as no answer, not as the first option', () => {
    expect(fromPublicAnswer(frozen(matching, ['p1', 'p2', 'p3']), { pairs: { '0': '', '1': '', '2': '' } })).toEqual({
      matches: {},
    })
    expect(fromPublicAnswer(frozen(single, ['correct-one', 'wrong-one']), { choices: [''] })).toBeNull()
    expect(
      fromPublicAnswer(frozen(ordering, ['step-1', 'step-2', 'step-3', 'step-4']), { pairs: { '0': '' } }),
    ).toEqual({
      order: ['', '', '', ''],
    })
  })

  it('reads matching and ordering answers from the positions shown', () => {
    const right = ['p3', 'p1', 'p2']
    const matches = fromPublicAnswer(frozen(matching, right), { pairs: { '0': '1', '1': '2', '2': '0' } })
    expect(scoreAnswer(matching, matches)).toBe(1)
    const shown = ['step-3', 'step-1', 'step-4', 'step-2']
    const order = fromPublicAnswer(frozen(ordering, shown), { pairs: { '0': '3', '1': '1', '2': '4', '3': '2' } })
    expect(order).toEqual({ order: ['step-1', 'step-2', 'step-3', 'step-4'] })
    // Two items in one place: the second does not take it.
    expect(fromPublicAnswer(frozen(ordering, shown), { pairs: { '0': '1', '1': '1' } })).toEqual({
      order: ['step-3', '', '', ''],
    })
  })

  it('reads numbers written with a decimal comma, and nothing else', () => {
    expect(fromPublicAnswer(frozen(numeric, null), { value: '24,5' })).toEqual({ value: 24.5 })
    expect(fromPublicAnswer(frozen(numeric, null), { value: ' 24.5 ' })).toEqual({ value: 24.5 })
    expect(fromPublicAnswer(frozen(numeric, null), { value: '' })).toBeNull()
    expect(fromPublicAnswer(frozen(numeric, null), { value: 'twenty' })).toBeNull()
  })
})

describe('container check-digit questions', () => {
  const compute: Question = { ...base, slug: 'digit', type: 'container-check-digit', task: 'compute', choices: 4 }
  const spot: Question = { ...base, slug: 'spot', type: 'container-check-digit', task: 'spot-wrong', choices: 4 }

  it('generate fresh numbers per attempt: one valid to complete, or several with exactly one wrong', () => {
    const random = seededRandom(6)
    const first = generateValues(compute, random)!
    expect(first).toHaveLength(1)
    expect(isValidContainerNumber(first[0]!)).toBe(true)
    expect(generateValues(compute, random)).not.toEqual(first)
    for (let i = 0; i < 50; i++) {
      const numbers = generateValues(spot, random)!
      expect(new Set(numbers).size).toBe(4)
      expect(numbers.filter((number) => !isValidContainerNumber(number))).toHaveLength(1)
    }
    expect(generateValues(single, random)).toBeNull()
  })

  it('show the number without its check digit, or the numbers by position, and map answers back', () => {
    const digitQuestion = frozen(compute, null, ['CSQU3054383'])
    const shown = toPublicQuestion(digitQuestion, 'en')
    expect(shown).toMatchObject({ type: 'container-check-digit', body: 'CSQU305438', options: [] })
    expect(JSON.stringify(shown)).not.toContain('CSQU3054383')
    expect(scoreAnswer(compute, fromPublicAnswer(digitQuestion, { value: ' 3 ' }), ['CSQU3054383'])).toBe(1)
    expect(fromPublicAnswer(digitQuestion, { value: 'three' })).toBeNull()

    const numbers = ['CSQU3054383', 'MSKU9070325', 'TGHU1234567']
    const spotQuestion = frozen(spot, null, numbers)
    expect(toPublicQuestion(spotQuestion, 'ru')).toMatchObject({
      body: null,
      options: numbers.map((text, index) => ({ key: String(index), text })),
    })
    expect(scoreAnswer(spot, fromPublicAnswer(spotQuestion, { choices: ['1'] }), numbers)).toBe(1)
    expect(fromPublicAnswer(spotQuestion, { choices: ['9'] })).toBeNull()
    expect(fromPublicAnswer(spotQuestion, { choices: ['0', '1'] })).toBeNull()
    expect(fromPublicAnswer(spotQuestion, { choices: [''] })).toBeNull()
  })
})
