import type { Quiz } from './package.schema'

/*
 * The per-module draw of a final exam (`questionsPerModule`, issue 15): which module each question
 * tests, and whether every module can give its share. The package validator and the studio's publish
 * check both ask this, so they cannot disagree.
 */

export type DrawProblemCode =
  | 'moduleOutsideExam'
  | 'perModuleOutsideExam'
  | 'moduleUnknown'
  | 'moduleMissing'
  | 'moduleTooFewQuestions'
  | 'perModuleTotal'

export interface DrawProblem {
  path: (string | number)[]
  code: DrawProblemCode
  params: Record<string, string | number>
  /** The validator's English line; the studio translates `code` instead. */
  message: string
}

type DrawSettings = Pick<Quiz, 'questionsPerAttempt' | 'questionsPerModule'> & {
  questions: { module?: string | undefined }[]
}

/** A module quiz names no module and sets no per-module draw: both belong to the final exam. */
export function moduleQuizDrawProblems(quiz: DrawSettings): DrawProblem[] {
  const problems: DrawProblem[] = []
  if (quiz.questionsPerModule !== null)
    problems.push({
      path: ['questionsPerModule'],
      code: 'perModuleOutsideExam',
      params: {},
      message: 'only a final exam draws questions per module',
    })
  quiz.questions.forEach((question, index) => {
    if (question.module !== undefined)
      problems.push({
        path: ['questions', index, 'module'],
        code: 'moduleOutsideExam',
        params: {},
        message: 'only final exam questions name a module',
      })
  })
  return problems
}

/**
 * A final exam's questions name modules of the course; with a per-module draw every question names one,
 * every module has at least its share, and the attempt size is the share times the number of modules.
 */
export function examDrawProblems(exam: DrawSettings, moduleSlugs: readonly string[]): DrawProblem[] {
  const problems: DrawProblem[] = []
  const known = new Set(moduleSlugs)
  const perModule = exam.questionsPerModule
  const counts = new Map<string, number>()
  exam.questions.forEach((question, index) => {
    const path = ['questions', index, 'module']
    if (question.module === undefined) {
      if (perModule !== null)
        problems.push({
          path,
          code: 'moduleMissing',
          params: {},
          message: 'names no module, but the exam draws questions per module',
        })
      return
    }
    if (!known.has(question.module)) {
      problems.push({
        path,
        code: 'moduleUnknown',
        params: { module: question.module },
        message: `no module "${question.module}" in this course`,
      })
      return
    }
    counts.set(question.module, (counts.get(question.module) ?? 0) + 1)
  })
  if (perModule === null) return problems
  for (const module of moduleSlugs) {
    const count = counts.get(module) ?? 0
    if (count < perModule)
      problems.push({
        path: ['questionsPerModule'],
        code: 'moduleTooFewQuestions',
        params: { module, count, perModule },
        message: `draws ${perModule} questions per module but module "${module}" has only ${count}`,
      })
  }
  const total = perModule * moduleSlugs.length
  if (exam.questionsPerAttempt !== total)
    problems.push({
      path: ['questionsPerAttempt'],
      code: 'perModuleTotal',
      params: { total, perModule, modules: moduleSlugs.length },
      message: `must be ${total}: ${perModule} questions from each of ${moduleSlugs.length} modules`,
    })
  return problems
}
