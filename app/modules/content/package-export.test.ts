import { describe, expect, it } from 'vitest'
import { keptModuleFolders, moduleFolders, packageFiles, type CourseSnapshot } from './package-export'
import { parse } from 'yaml'
import { glossarySchema } from './glossary.schema'
import { jobAidSchema } from './job-aid.schema'
import { moduleSchema } from './package.schema'

const kept = (...folders: string[]) => keptModuleFolders(folders.map((folder) => `modules/${folder}/module.yaml`))

describe('moduleFolders', () => {
  it('keeps the imported folders while their numbers rise along the current order', () => {
    expect(moduleFolders({ slugs: ['a', 'b', 'c'], kept: kept('10-a', '20-b', '30-c') })).toEqual([
      '10-a',
      '20-b',
      '30-c',
    ])
  })

  it('numbers every module 01…n when one moved, was added or has no folder', () => {
    expect(moduleFolders({ slugs: ['b', 'a'], kept: kept('01-a', '02-b') })).toEqual(['01-b', '02-a'])
    expect(moduleFolders({ slugs: ['a', 'b', 'new'], kept: kept('01-a', '02-b') })).toEqual(['01-a', '02-b', '03-new'])
  })

  it('keeps the numbers of a course whose middle module was archived', () => {
    expect(moduleFolders({ slugs: ['a', 'c'], kept: kept('01-a', '02-b', '03-c') })).toEqual(['01-a', '03-c'])
  })

  it('widens the number past 99 modules', () => {
    const slugs = Array.from({ length: 100 }, (_, index) => `m${index}`)
    expect(moduleFolders({ slugs, kept: new Map() }).at(-1)).toBe('100-m99')
    expect(moduleFolders({ slugs, kept: new Map() })[0]).toBe('001-m0')
  })
})

const KEPT_COURSE = `# Written by the regional office.
slug: seals
version: 1
category: border-control
title: { en: "  Seals  ", ru: "Пломбы" }
summary: { en: "Seals.", ru: "Пломбы." }
objectives: { en: ["Check a seal."], ru: ["Проверять пломбу."] }
completion: { modules: all, finalExam: none }
`

function snapshot(overrides: Partial<CourseSnapshot['course']> = {}, keptText = KEPT_COURSE): CourseSnapshot {
  return {
    course: {
      slug: 'seals',
      version: 1,
      category: 'border-control',
      title: { en: 'Seals', ru: 'Пломбы' },
      summary: { en: 'Seals.', ru: 'Пломбы.' },
      objectives: { en: ['Check a seal.'], ru: ['Проверять пломбу.'] },
      certificateValidityMonths: null,
      finalExamRule: 'none',
      glossary: [],
      jobAids: [],
      ...overrides,
    },
    finalExam: null,
    modules: [
      {
        slug: 'bolts',
        title: { en: 'Bolts', ru: '' },
        minutes: 10,
        references: [],
        bodies: { ru: '## Цели\n', en: '## Goals\n' },
        quiz: null,
      },
    ],
    media: [{ name: 'seal.svg', bytes: new Uint8Array([60, 115, 118, 103, 47, 62]) }],
    kept: new Map([['course.yaml', keptText]]),
  }
}
const read = (files: Map<string, Uint8Array>, path: string) => Buffer.from(files.get(path) ?? []).toString('utf8')

describe('packageFiles', () => {
  it('gives back a kept file, comments and spaces included, while it says what the database says', () => {
    expect(read(packageFiles(snapshot()), 'course.yaml')).toBe(KEPT_COURSE)
  })

  it('writes the file afresh once the database says something else', () => {
    const written = read(packageFiles(snapshot({ version: 2 })), 'course.yaml')
    expect(written).toContain('version: 2\n')
    expect(written).not.toContain('# Written')
  })

  it('writes afresh over a kept file it cannot read', () => {
    expect(read(packageFiles(snapshot({}, 'slug: [')), 'course.yaml')).toMatch(/^slug: seals\n/)
  })

  it('lists every file by path, a missing title translation left out, the figures as stored', () => {
    const files = packageFiles(snapshot())
    expect([...files.keys()]).toEqual([
      'course.yaml',
      'media/seal.svg',
      'modules/01-bolts/en.md',
      'modules/01-bolts/module.yaml',
      'modules/01-bolts/ru.md',
    ])
    expect(read(files, 'modules/01-bolts/module.yaml')).toBe('slug: bolts\ntitle:\n  en: "Bolts"\nminutes: 10\n')
    expect(files.has('glossary.yaml'), 'no glossary, no file').toBe(false)
    expect(read(files, 'media/seal.svg')).toBe('<svg/>')
  })
})

describe('packageFiles, second edition', () => {
  const references = [
    { title: { en: 'TIR Convention', ru: 'Конвенция МДП' }, edition: '1975', part: { en: 'Art. 24', ru: 'ст. 24' } },
  ]
  const terms = [{ slug: 'seal', term: { en: 'seal', ru: 'пломба' }, definition: { en: 'A device.', ru: 'Средство.' } }]

  it('writes the references into module.yaml and the glossary into glossary.yaml, as the loader reads them', () => {
    const base = snapshot({ glossary: terms })
    const files = packageFiles({ ...base, modules: base.modules.map((module) => ({ ...module, references })) })
    const meta = moduleSchema.parse(parse(read(files, 'modules/01-bolts/module.yaml')))
    expect(meta.references).toEqual(references)
    expect(glossarySchema.parse(parse(read(files, 'glossary.yaml'))).terms).toEqual(terms)
  })

  it('writes each job aid to job-aids/<slug>.yaml, blocks in order, as the loader reads it', () => {
    const aid = jobAidSchema.parse({
      slug: 'seal-log',
      modules: ['bolts'],
      title: { en: 'Seal log', ru: 'Журнал пломб' },
      purpose: { en: 'Every seal checked.', ru: 'Каждая проверенная пломба.' },
      blocks: [
        {
          kind: 'steps',
          heading: { en: 'Check', ru: 'Проверьте' },
          items: [
            { en: 'View', ru: 'Осмотр' },
            { en: 'Tug', ru: 'Рывок' },
          ],
        },
        {
          kind: 'table',
          heading: { en: 'Log', ru: 'Журнал' },
          columns: [{ en: 'Seal', ru: 'Пломба' }, 'No.'],
          blankRows: 3,
        },
      ],
      sources: { en: 'ISO 17712:2013', ru: 'ISO 17712:2013' },
    })
    const text = read(packageFiles(snapshot({ jobAids: [aid] })), 'job-aids/seal-log.yaml')
    expect(jobAidSchema.parse(parse(text))).toEqual(aid)
    expect(text.indexOf('kind: steps')).toBeLessThan(text.indexOf('kind: table'))
    expect(text.indexOf('blocks:')).toBeLessThan(text.indexOf('sources:'))
  })
})
