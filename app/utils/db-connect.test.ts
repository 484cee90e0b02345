import { describe, expect, it } from 'vitest'
import { unavailableMessage } from './db-connect.server'

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6432'), { code: 'ECONNREFUSED' })

describe('unavailableMessage', () => {
  it('names the host, port and database of DATABASE_URL and what to check, in one line', () => {
    const message = unavailableMessage({
      env: { DATABASE_URL: 'postgresql://lms:s3cret@db.example.org:6432/training', PGLITE_DIR: './data' },
      error: refused,
    })
    expect(message).toBe(
      'Cannot connect to PostgreSQL at db.example.org:6432, database "training" (connect ECONNREFUSED 10.0.0.5:6432). ' +
        'Check that PostgreSQL is running and accepts connections there, and that DATABASE_URL is right.',
    )
  })

  it('never repeats the password, even if the cause does', () => {
    const message = unavailableMessage({
      env: { DATABASE_URL: 'postgres://lms:s3cret@db.example.org/training', PGLITE_DIR: './data' },
      error: new Error('odd failure mentioning s3cret\nand a second line'),
    })
    expect(message).not.toContain('s3cret')
    expect(message).toContain('db.example.org:5432, database "training" (odd failure mentioning ***)')
  })

  it('reads a socket directory and a port from the query, and falls back on a code without a message', () => {
    const message = unavailableMessage({
      env: { DATABASE_URL: 'postgres:///training?host=/var/run/postgresql&port=5433', PGLITE_DIR: './data' },
      error: Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }),
    })
    expect(message).toContain('PostgreSQL at /var/run/postgresql:5433, database "training" (ECONNREFUSED)')
  })

  it('still gives one line without the password when DATABASE_URL is no URL at all', () => {
    const message = unavailableMessage({
      env: { DATABASE_URL: 'postgres://lms:s3cret@/training', PGLITE_DIR: './data' },
      error: refused,
    })
    expect(message).toBe(
      'Cannot connect to PostgreSQL (connect ECONNREFUSED 10.0.0.5:6432; DATABASE_URL is not a URL this check can read). ' +
        'Check that PostgreSQL is running and accepts connections there, and that DATABASE_URL is right.',
    )
  })

  it('names the embedded database directory and what to check', () => {
    const message = unavailableMessage({ env: { PGLITE_DIR: '/srv/lms/pglite' }, error: new Error('PGlite failed') })
    expect(message).toBe(
      'Cannot open the embedded database in /srv/lms/pglite (PGlite failed). Check that PGLITE_DIR is a directory ' +
        'this user can write, empty or holding a database of this version, and that no other server has it open.',
    )
  })
})
