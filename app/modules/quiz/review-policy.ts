import type { REVIEW_POLICIES } from '~/modules/content/package-limits'

export type ReviewPolicy = (typeof REVIEW_POLICIES)[number]

/**
 * Whether a learner may see correct answers, per-question marks and explanations of a submitted
 * attempt. The score and pass/fail are always shown; the rest depends on the quiz's policy:
 * after every attempt, only once the learner has passed this quiz, or never (an exam whose pool
 * must stay unknown).
 */
export function reviewAllowed(policy: ReviewPolicy, { passed }: { passed: boolean }): boolean {
  switch (policy) {
    case 'after-attempt':
      return true
    case 'after-pass':
      return passed
    case 'never':
      return false
  }
}
