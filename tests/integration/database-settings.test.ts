// Settings of the app's PostgreSQL sessions (PGlite has no JIT to turn off).
import { describe, expect, it } from 'vitest'
import { getDatabase } from '~/utils/db.server'

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL sessions', () => {
  it('run without JIT compilation, which costs the report queries more than it saves', async () => {
    const database = getDatabase()
    expect(database.engine).toBe('postgres')
    expect(await database.sql.query<{ jit: string }>('SHOW jit')).toEqual([{ jit: 'off' }])
    const [{ jit } = { jit: '' }] = await database.prisma.$queryRaw<{ jit: string }[]>`SHOW jit`
    expect(jit).toBe('off')
  })
})
