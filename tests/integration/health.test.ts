import { afterAll, describe, expect, it } from 'vitest'
import { loader } from '~/routes/healthz'
import { clearSingletons } from '~/utils/singleton.server'

describe('GET /healthz', () => {
  it('answers 200 with the database ok', async () => {
    const response = await loader()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  describe('when the database is unreachable', () => {
    const saved = { ...process.env }
    afterAll(() => {
      process.env = saved
    })

    it('answers 503', async () => {
      clearSingletons()
      process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nothing-listens-here'
      const response = await loader()
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({ status: 'error', db: 'unreachable' })
    })
  })
})
