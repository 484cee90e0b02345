import { describe, expect, it } from 'vitest'
import { InvalidEnvironment, parseEnv } from './env.server'

describe('parseEnv', () => {
  it('fills in defaults for a bare environment: embedded database on port 3000', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ PORT: 3000, PGLITE_DIR: './data/pglite', SEED_DEMO: true })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false'],
    [{ BASE_URL: 'localhost' }, 'BASE_URL must be an absolute URL'],
  ])('names the variable in one line for %o', (source, message) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvironment)
    expect(() => parseEnv(source)).toThrow(message)
  })
})
