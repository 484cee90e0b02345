import { describe, expect, it } from 'vitest'
import { MAX_ADMINISTRATIONS } from './load-dataset'
import { parseLoadOptions } from './load-options'

describe('parseLoadOptions', () => {
  it('defaults to 20 administrations of 2,500 officers, or the environment', () => {
    expect(parseLoadOptions([], {})).toEqual({ administrations: 20, officers: 2500 })
    expect(parseLoadOptions([], { LOAD_ADMINISTRATIONS: '3', LOAD_OFFICERS: '40' })).toEqual({
      administrations: 3,
      officers: 40,
    })
  })

  it('takes flags before the environment, with a space or an equals sign', () => {
    expect(parseLoadOptions(['--', '--administrations', '2', '--officers=200'], { LOAD_OFFICERS: '9' })).toEqual({
      administrations: 2,
      officers: 200,
    })
  })

  it('refuses what it cannot load', () => {
    expect(() => parseLoadOptions(['--administrations', String(MAX_ADMINISTRATIONS + 1)], {})).toThrow(
      `--administrations must be a whole number from 1 to ${MAX_ADMINISTRATIONS}`,
    )
    expect(() => parseLoadOptions(['--officers', '0'], {})).toThrow('--officers')
    expect(() => parseLoadOptions(['--officers'], {})).toThrow('usage: npm run seed:load')
    expect(() => parseLoadOptions(['--units', '3'], {})).toThrow('usage: npm run seed:load')
  })
})
