import { describe, expect, it } from 'vitest'
import { examDrawProblems, moduleQuizDrawProblems } from './exam-draw'

const exam = (modules: (string | undefined)[], questionsPerModule: number | null, questionsPerAttempt: number) => ({
  questionsPerAttempt,
  questionsPerModule,
  questions: modules.map((module) => ({ module })),
})

describe('the per-module draw of a final exam', () => {
  it('accepts an exam whose every module gives its share and whose attempt size adds up', () => {
    expect(examDrawProblems(exam(['a', 'a', 'b', 'b', 'b'], 2, 4), ['a', 'b'])).toEqual([])
  })

  it('names a module with too few questions, a question naming none, and a wrong attempt size', () => {
    const codes = examDrawProblems(exam(['a', 'a', 'b', undefined], 2, 5), ['a', 'b']).map((p) => [
      p.code,
      p.path.join('.'),
    ])
    expect(codes).toEqual([
      ['moduleMissing', 'questions.3.module'],
      ['moduleTooFewQuestions', 'questionsPerModule'],
      ['perModuleTotal', 'questionsPerAttempt'],
    ])
  })

  it('refuses a module the course does not have, with or without the per-module draw', () => {
    const [problem] = examDrawProblems(exam(['a', 'ghost'], null, 2), ['a'])
    expect(problem).toMatchObject({ code: 'moduleUnknown', params: { module: 'ghost' } })
  })

  it('keeps module names and the per-module draw out of module quizzes', () => {
    expect(moduleQuizDrawProblems(exam(['a'], 1, 1)).map((p) => p.code)).toEqual([
      'perModuleOutsideExam',
      'moduleOutsideExam',
    ])
  })
})
