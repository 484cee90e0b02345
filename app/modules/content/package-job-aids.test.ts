import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { courseFixture } from '../../../tests/fixtures/course-packages'
import { loadCoursePackage } from './package-loader.server'

// Job aids in a package (issue 17): the valid fixture with one sheet added, as an author would add it.
const SAMPLE = parse(await readFile('tests/fixtures/job-aids/sample-seal-check.yaml', 'utf8')) as Record<
  string,
  unknown
>

let root = ''
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  root = ''
})

/** valid-minimal with `job-aids/<file>` holding `aid`, loaded strictly; problems by code and path. */
async function loadWithAid(file: string, aid: Record<string, unknown>) {
  root = await mkdtemp(join(tmpdir(), 'job-aid-package-'))
  await cp(courseFixture('valid-minimal'), root, { recursive: true })
  await mkdir(join(root, 'job-aids'))
  await writeFile(join(root, 'job-aids', file), stringify(aid))
  const { pkg, problems } = await loadCoursePackage({ dir: root, strict: true })
  return { pkg, problems: problems.map(({ code, path, params }) => ({ code, path, params })) }
}

describe('job aids in a package', () => {
  it('are read, kept as the author wrote them, and offered on the modules they name', async () => {
    const { pkg, problems } = await loadWithAid('sample-seal-check.yaml', SAMPLE)
    expect(problems).toEqual([])
    expect(pkg?.jobAids.map((aid) => [aid.slug, aid.modules])).toEqual([['sample-seal-check', ['seal-types']]])
    expect(pkg?.sourceFiles?.map((file) => file.path)).toContain('job-aids/sample-seal-check.yaml')
  })

  it('refuses a sheet whose slug is not its file name', async () => {
    const { pkg, problems } = await loadWithAid('seal-sheet.yaml', SAMPLE)
    expect(pkg).toBeNull()
    expect(problems).toEqual([{ code: 'jobAidFileName', path: 'slug', params: { name: 'seal-sheet.yaml' } }])
  })

  it('refuses a sheet offered on a module the course does not have', async () => {
    const { problems } = await loadWithAid('sample-seal-check.yaml', { ...SAMPLE, modules: ['seal-types', 'rail'] })
    expect(problems).toEqual([{ code: 'jobAidModuleUnknown', path: 'modules', params: { module: 'rail' } }])
  })

  it('refuses a sheet that does not fit on one A4 page, in each language', async () => {
    const item = {
      en: 'Check the seal, the locking bars, the hinges and the rivets of both doors, and write what you found.',
      ru: 'Проверьте пломбу, запорные штанги, петли и заклёпки обеих дверей и запишите, что обнаружили.',
    }
    const checklist = { kind: 'checklist', heading: { en: 'Doors', ru: 'Двери' }, items: Array(16).fill(item) }
    const { problems } = await loadWithAid('sample-seal-check.yaml', { ...SAMPLE, blocks: Array(4).fill(checklist) })
    expect(problems.map(({ code, params }) => [code, params?.locale])).toEqual([
      ['jobAidTooLong', 'en'],
      ['jobAidTooLong', 'ru'],
    ])
  })

  it('names a table row with the wrong number of cells', async () => {
    const table = { kind: 'table', heading: { en: 'Log', ru: 'Журнал' }, columns: ['A', 'B'], rows: [['1']] }
    const { problems } = await loadWithAid('sample-seal-check.yaml', { ...SAMPLE, blocks: [table] })
    expect(problems).toEqual([{ code: 'rowCells', path: 'blocks[0].rows[0]', params: { columns: 2 } }])
  })
})
