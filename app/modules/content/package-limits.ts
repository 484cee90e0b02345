/*
 * The content format's plain values: slugs, a course's limits, its categories and the review policies.
 * Apart from the Zod schemas (package.schema.ts) because the studio's forms need them in the browser, and
 * importing the schemas would build every schema of the package format on each page that has such a form.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A course's limits, shared with the studio's forms (app/modules/studio/course.schema.ts), so a course
 * the studio publishes is one a package can hold, and the other way round.
 */
export const COURSE_LIMITS = {
  titleChars: 200,
  summaryChars: 1000,
  /** Per language; the shipped courses have 5 of at most 223 characters. */
  objectives: { min: 1, max: 8 },
  objectiveChars: 300,
  certificateValidityMonths: { min: 1, max: 120 },
  passMark: { min: 1, max: 100 },
} as const

export const CATEGORIES = ['trade-facilitation', 'border-control', 'digital-customs'] as const
export type Category = (typeof CATEGORIES)[number]

export const REVIEW_POLICIES = ['after-attempt', 'after-pass', 'never'] as const
