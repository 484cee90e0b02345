import { describe, expect, it } from 'vitest'
import { describeOverwrite } from './overwrite-lines'

describe('describeOverwrite', () => {
  it('names each change of a module in the module list on one line', () => {
    const line = describeOverwrite({
      course: 'aeo',
      module: 'risk',
      kind: 'structure',
      changes: [
        { change: 'order', studio: 2, package: 3 },
        { change: 'minutes', studio: 35, package: 20 },
        { change: 'archived' },
      ],
    })
    expect(line).toBe(
      'aeo/risk: order (no. 2 in the studio, 3 in the package); minutes (35 in the studio, 20 in the package); ' +
        'archived in the studio (the import makes it current again)',
    )
  })

  it('dates a published revision in UTC and names its author', () => {
    const line = describeOverwrite({
      course: 'aeo',
      module: 'risk',
      kind: 'published',
      locales: ['en', 'ru'],
      revision: { number: 3, publishedAt: new Date('2026-12-07T09:30:12Z'), publishedBy: 'Elena Marchenko' },
    })
    expect(line).toBe(
      'aeo/risk (en, ru): published in the studio as revision 3 on 2026-12-07 09:30 UTC by Elena Marchenko',
    )
  })
})
