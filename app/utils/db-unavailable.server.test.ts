import { describe, expect, it } from 'vitest'
import { Prisma } from '~/generated/prisma/client'
import { isDatabaseUnavailable } from './db-unavailable.server'

const prismaError = (code: string, cause?: object) =>
  new Prisma.PrismaClientKnownRequestError('Invalid invocation', {
    code,
    clientVersion: '7.10.0',
    meta: cause ? { driverAdapterError: { name: 'DriverAdapterError', cause } } : undefined,
  })

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' })

describe('isDatabaseUnavailable', () => {
  // The shapes `npm run faults` met while PostgreSQL restarted and stopped under load.
  it.each([
    ['stopped (Prisma P1001)', prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 })],
    ['shutting down (57P03)', prismaError('P2039', { kind: 'postgres', code: '57P03', originalCode: '57P03' })],
    ['connection ended by the restart (57P01)', prismaError('P2010', { kind: 'postgres', originalCode: '57P01' })],
    ['connection closed', prismaError('P1017', { kind: 'ConnectionClosed' })],
    ['too many connections', prismaError('P2037', { kind: 'TooManyConnections', cause: 'sorry' })],
    ['pg: refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['pg: server restarting', pgError('57P01', 'terminating connection due to administrator command')],
    ['pg: connection exception', pgError('08006', 'connection failure')],
    ['pg: connection died', new Error('Connection terminated unexpectedly')],
    ['pg: pool timed out', new Error('timeout exceeded when trying to connect')],
    ['wrapped', new Error('saving failed', { cause: new Error('Connection terminated unexpectedly') })],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', prismaError('P2002')],
    ['a query error', prismaError('P2010', { kind: 'postgres', originalCode: '42P01' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a syntax error from pg', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a Response', new Response(null, { status: 404 })],
    ['nothing', undefined],
    ['a string', 'Connection terminated unexpectedly'],
  ])('leaves alone %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})
