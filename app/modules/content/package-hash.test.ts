import { describe, expect, it } from 'vitest'
import { canonicalJson, questionDefinition } from './package-hash'

describe('canonicalJson', () => {
  it('gives the same text for objects whose keys are in another order, as JSONB returns them', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    )
  })

  it('keeps array order, which is meaningful (ordering questions)', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
  })
})

describe('questionDefinition', () => {
  it('keeps texts and the answer key but not the columns of the question row', () => {
    expect(
      questionDefinition({
        slug: 'seal-intact',
        type: 'true-false',
        points: 2,
        prompt: { en: 'Is the seal intact?' },
        explanation: { en: 'Check the number.' },
        answer: true,
      }),
    ).toEqual({ prompt: { en: 'Is the seal intact?' }, explanation: { en: 'Check the number.' }, answer: true })
  })
})
