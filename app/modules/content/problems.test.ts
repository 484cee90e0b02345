import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formatIssuePath, formatProblem, problemsFromZodError } from './problems'

describe('formatIssuePath', () => {
  it('puts numbers in brackets and dots between keys', () => {
    expect(formatIssuePath(['questions', 3, 'options'])).toBe('questions[3].options')
    expect(formatIssuePath(['questions', 0, 'pairs', 2, 'left', 'ru'])).toBe('questions[0].pairs[2].left.ru')
  })

  it('handles an empty path, a leading index and consecutive indexes', () => {
    expect(formatIssuePath([])).toBe('')
    expect(formatIssuePath([2, 'slug'])).toBe('[2].slug')
    expect(formatIssuePath(['grid', 1, 4])).toBe('grid[1][4]')
  })
})

describe('problemsFromZodError', () => {
  it('gives one error per issue, with the field path', () => {
    const schema = z.object({ title: z.string(), questions: z.array(z.object({ slug: z.string() })) })
    const result = schema.safeParse({ title: 'Seals', questions: [{ slug: 'a' }, { slug: 7 }] })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(problemsFromZodError('courses/x/quiz.yaml', result.error)).toEqual([
      {
        file: 'courses/x/quiz.yaml',
        path: 'questions[1].slug',
        message: 'Invalid input: expected string, received number',
        severity: 'error',
        code: 'expectedText',
        params: { expected: 'string' },
      },
    ])
  })
})

describe('formatProblem', () => {
  it('writes file, field and message', () => {
    const problem = { file: 'courses/x/course.yaml', path: 'summary', message: 'missing translation: ru' } as const
    expect(formatProblem({ ...problem, severity: 'warning' })).toBe(
      'courses/x/course.yaml: summary: missing translation: ru',
    )
  })

  it('leaves the field out when the problem is about the whole file', () => {
    expect(
      formatProblem({ file: 'courses/x/ru.md', path: '', message: 'missing translation: ru', severity: 'error' }),
    ).toBe('courses/x/ru.md: missing translation: ru')
  })
})
