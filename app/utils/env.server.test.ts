import { describe, expect, it } from 'vitest'
import { InvalidEnvironment, appProcessCount, parseEnv, poolSize } from './env.server'

describe('parseEnv', () => {
  it('fills in defaults for a bare environment: embedded database on port 3000', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ PORT: 3000, PGLITE_DIR: './data/pglite', SEED_DEMO: true })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  it('sends no mail unless SMTP_URL names an smtp:// or smtps:// server', () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined()
    expect(parseEnv({}).MAIL_FROM).toBe('Customs e-Training <no-reply@localhost>')
    const env = parseEnv({
      SMTP_URL: 'smtps://user:p%40ss@mail.example.org:465',
      MAIL_FROM: 'Training <t@example.org>',
    })
    expect(env).toMatchObject({
      SMTP_URL: 'smtps://user:p%40ss@mail.example.org:465',
      MAIL_FROM: 'Training <t@example.org>',
    })
  })

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false'],
    [{ BASE_URL: 'localhost' }, 'BASE_URL must be an absolute URL'],
    [{ WEB_CONCURRENCY: '2' }, 'WEB_CONCURRENCY must be 1 with the embedded database'],
    [{ WEB_CONCURRENCY: 'two', DATABASE_URL: 'postgres://db/lms' }, 'WEB_CONCURRENCY must be a whole number'],
    [{ SMTP_URL: 'https://mail.example.org' }, 'SMTP_URL must be a URL such as smtp://'],
    [{ SMTP_URL: 'smtp://' }, 'SMTP_URL must be a URL such as smtp://'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM must be an e-mail address'],
  ])('names the variable in one line for %o', (source, message) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvironment)
    expect(() => parseEnv(source)).toThrow(message)
  })
})

describe('appProcessCount', () => {
  it('runs one process on the embedded database, whatever the cores', () => {
    expect(appProcessCount(parseEnv({}), 8)).toBe(1)
  })

  it('runs one per core on PostgreSQL unless WEB_CONCURRENCY says otherwise', () => {
    const url = 'postgres://db/lms'
    expect(appProcessCount(parseEnv({ DATABASE_URL: url }), 4)).toBe(4)
    expect(appProcessCount(parseEnv({ DATABASE_URL: url, WEB_CONCURRENCY: '1' }), 4)).toBe(1)
  })
})

describe('poolSize', () => {
  const env = (more: Record<string, string> = {}) => parseEnv({ DATABASE_URL: 'postgres://db/lms', ...more })

  it("gives each process 25 connections, fewer when many processes must share PostgreSQL's 100", () => {
    expect(poolSize(env(), 2)).toBe(25)
    expect(poolSize(env(), 8)).toBe(10)
    expect(8 * poolSize(env(), 8)).toBeLessThanOrEqual(80)
    expect(poolSize(env(), 64)).toBe(2)
  })

  it('takes DATABASE_POOL_SIZE as given', () => {
    expect(poolSize(env({ DATABASE_POOL_SIZE: '7' }), 8)).toBe(7)
  })
})
