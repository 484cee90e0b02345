import { describe, expect, it } from 'vitest'
import { nextStepAfterPass } from './next-step'

const modules = (done: boolean[]) =>
  done.map((isDone, index) => ({ slug: `m${index + 1}`, title: `M${index + 1}`, done: isDone }))

describe('nextStepAfterPass', () => {
  it('offers the next unfinished module after the one just passed', () => {
    expect(nextStepAfterPass({ modules: modules([true, true, false, false]), current: 'm2', hasExam: true })).toEqual({
      kind: 'module',
      slug: 'm3',
      title: 'M3',
    })
    expect(
      nextStepAfterPass({ modules: modules([true, false, true, false]), current: 'm1', hasExam: true }),
    ).toMatchObject({ slug: 'm2' })
  })

  it('goes back to an unfinished module before it when the ones after are done', () => {
    expect(nextStepAfterPass({ modules: modules([false, true, true]), current: 'm3', hasExam: true })).toMatchObject({
      slug: 'm1',
    })
  })

  it('offers the final exam once every module is done, and nothing when there is none', () => {
    expect(nextStepAfterPass({ modules: modules([true, true]), current: 'm2', hasExam: true })).toEqual({
      kind: 'exam',
    })
    expect(nextStepAfterPass({ modules: modules([true, true]), current: 'm2', hasExam: false })).toBeNull()
  })
})
