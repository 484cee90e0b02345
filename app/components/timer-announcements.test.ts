import { describe, expect, it } from 'vitest'
import { markReached } from './timer-announcements'

describe('markReached', () => {
  it('names the five- and one-minute marks once, on the tick that reaches them', () => {
    expect(markReached(301, 300)).toBe(300)
    expect(markReached(300, 299)).toBeNull()
    expect(markReached(61, 60)).toBe(60)
    expect(markReached(60, 59)).toBeNull()
  })

  it('says nothing on the first tick, and only the later mark after a long sleep', () => {
    expect(markReached(null, 200)).toBeNull()
    expect(markReached(400, 30)).toBe(60)
  })
})
