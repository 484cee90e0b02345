import { describe, expect, it } from 'vitest'
import { MigrationDrift, checksumOf, planMigrations } from './migrations'

const file = (name: string, script = `-- ${name}`) => ({ name, script, checksum: checksumOf(script) })

describe('planMigrations', () => {
  it('returns the local migrations not yet applied, in order', () => {
    const local = [file('1_a'), file('2_b'), file('3_c')]
    const applied = [{ migration_name: '1_a', checksum: checksumOf('-- 1_a') }]
    expect(planMigrations({ local, applied }).map((m) => m.name)).toEqual(['2_b', '3_c'])
  })

  it('refuses when an applied migration changed', () => {
    const applied = [{ migration_name: '1_a', checksum: checksumOf('original') }]
    expect(() => planMigrations({ local: [file('1_a', 'edited')], applied })).toThrow(MigrationDrift)
  })

  it('refuses when an applied migration is missing locally', () => {
    const applied = [{ migration_name: '0_gone', checksum: 'x' }]
    expect(() => planMigrations({ local: [file('1_a')], applied })).toThrow(/missing from prisma\/migrations/)
  })

  it('uses the SHA-256 hex digest, as Prisma does', () => {
    expect(checksumOf('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})
