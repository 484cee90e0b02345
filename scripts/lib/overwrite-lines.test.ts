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

  it('names the course details’ fields a package would overwrite, published or drafted in the studio', () => {
    const at = new Date('2026-12-07T09:30:00Z')
    expect(
      describeOverwrite({
        course: 'aeo',
        module: null,
        kind: 'details-published',
        fields: ['summary.ru', 'passMark'],
        published: { at, by: 'Elena Marchenko' },
      }),
    ).toBe(
      'aeo: course details (summary (ru), pass mark) published in the studio on 2026-12-07 09:30 UTC by Elena Marchenko',
    )
    expect(describeOverwrite({ course: 'aeo', module: null, kind: 'details-draft', fields: ['title.en'] })).toBe(
      'aeo: unpublished draft of the course details in the studio (title (en))',
    )
  })

  it('names quizzes published or drafted in the studio, the final exam by name', () => {
    const at = new Date('2026-12-07T10:05:00Z')
    expect(
      describeOverwrite({
        course: 'aeo',
        module: 'aeo-criteria',
        kind: 'quiz-published',
        revision: { number: 2, publishedAt: at, publishedBy: 'Elena Marchenko' },
      }),
    ).toBe('aeo/aeo-criteria: quiz published in the studio as version 2 on 2026-12-07 10:05 UTC by Elena Marchenko')
    expect(describeOverwrite({ course: 'aeo', module: null, kind: 'quiz-draft' })).toBe(
      'aeo/final exam: unpublished quiz draft in the studio',
    )
  })
})
