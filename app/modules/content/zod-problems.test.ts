import { describe, expect, it } from 'vitest'
import { quizSchema } from './package.schema'
import { zodProblem } from './zod-problems'

// The schemas' issues as codes: one per kind of issue the package schemas give, with its parameters.

const codes = (data: unknown) => {
  const result = quizSchema.safeParse(data, { reportInput: true })
  if (result.success) throw new Error('expected issues')
  return result.error.issues.map((issue) => [issue.path.join('.'), zodProblem(issue)])
}

const question = {
  slug: 'q',
  type: 'single',
  prompt: { en: 'P' },
  explanation: { en: 'E' },
  options: [
    { id: 'a', text: { en: 'A' }, correct: true },
    { id: 'b', text: { en: 'B' } },
  ],
}

describe('zodProblem', () => {
  it('names types, missing keys, limits, enums, unknown keys and unknown question types', () => {
    expect(
      codes({
        passMark: 1.5,
        questionsPerAttempt: 'x',
        review: 'sometimes',
        timeLimitMinutes: 601,
        extra: 1,
        questions: [
          { slug: 'e', type: 'essay' },
          { ...question, slug: 'Bad', prompt: {}, explanation: { en: ' ' } },
        ],
      }),
    ).toEqual([
      ['passMark', { code: 'expectedInteger', params: { expected: 'int' } }],
      ['timeLimitMinutes', { code: 'numberTooLarge', params: { maximum: 600 } }],
      ['questionsPerAttempt', { code: 'expectedNumber', params: { expected: 'number' } }],
      ['review', { code: 'valueNotAllowed', params: { values: 'after-attempt, after-pass, never' } }],
      [
        'questions.0.type',
        {
          code: 'typeUnknown',
          params: { values: 'single, multiple, true-false, matching, ordering, numeric, container-check-digit' },
        },
      ],
      ['questions.1.slug', { code: 'slugFormat', params: {} }],
      ['questions.1.prompt', { code: 'needsLanguage', params: { languages: 'en, ru' } }],
      ['questions.1.explanation.en', { code: 'textEmpty', params: {} }],
      ['', { code: 'keysUnknown', params: { keys: 'extra' } }],
    ])
  })

  it('names a missing key, and the refinements by their own codes', () => {
    const twoKeys = { ...question, options: question.options.map((option) => ({ ...option, correct: true })) }
    expect(
      codes({ questionsPerAttempt: 3, questions: [twoKeys, { ...question, options: [question.options[0]] }] }),
    ).toEqual([
      ['passMark', { code: 'required', params: {} }],
      ['questions.0.options', { code: 'singleOneCorrect', params: {} }],
      ['questions.1.options', { code: 'listTooShort', params: { minimum: 2 } }],
    ])
    expect(codes({ passMark: 70, questionsPerAttempt: 3, questions: [question] })).toEqual([
      ['questionsPerAttempt', { code: 'poolTooSmall', params: { perAttempt: 3, pool: 1 } }],
    ])
  })
})
