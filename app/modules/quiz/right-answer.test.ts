import { describe, expect, it } from 'vitest'
import { findCoursePackageDirs, loadCoursePackages } from '~/modules/content/package-loader.server'
import { drawQuestions } from './draw'
import { rightAnswer } from './right-answer'
import { scoreAnswer } from './scoring'
import { seededRandom } from '../../../tests/support/seeded-random'

describe('rightAnswer', () => {
  it(
    'earns full marks on every question of every shipped course, generated numbers included',
    { timeout: 120_000 }, // every question of three courses: CPU-bound, and slow on a busy machine
    async () => {
      const dirs = await findCoursePackageDirs({ dir: 'courses' })
      const { packages } = await loadCoursePackages({ dirs })
      const quizzes = packages.flatMap((pkg) => [
        ...pkg.modules.flatMap((module) => (module.quiz ? [module.quiz] : [])),
        ...(pkg.finalExam ? [pkg.finalExam] : []),
      ])
      const types = new Set<string>()
      for (const quiz of quizzes) {
        for (const question of quiz.questions) {
          types.add(question.type)
          const [drawn] = drawQuestions({
            pool: [{ id: question.slug, question }],
            count: 1,
            shuffleQuestions: false,
            shuffleOptions: true,
            random: seededRandom(7),
          })
          const frozen = { ...drawn!, points: question.points, definition: question }
          expect(scoreAnswer(question, rightAnswer(frozen), frozen.generated), `${question.slug}`).toBe(1)
        }
      }
      expect(types.size).toBeGreaterThanOrEqual(5)
    },
  )
})
