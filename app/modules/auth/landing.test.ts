import { describe, expect, it } from 'vitest'
import { landingPathFor } from './landing'

describe('landingPathFor', () => {
  it('sends a training coordinator to the dashboard and everyone else home', () => {
    expect(landingPathFor('MANAGER')).toBe('/manage')
    for (const role of ['LEARNER', 'INSTRUCTOR', 'ADMIN'] as const) expect(landingPathFor(role)).toBe('/')
  })
})
