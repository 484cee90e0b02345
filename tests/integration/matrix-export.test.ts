// Issue 16, exports for analysis: the matrix as CSV and XLSX with typed columns per course, read back as a
// spreadsheet would read them, in both languages, and only ever of the administration asked about.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { sessionUserSelect } from '~/modules/auth/session.server'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursePackages } from '~/modules/content/import.server'
import { assignCourse } from '~/modules/manage/assignments.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import * as matrixExport from '~/routes/$lang.manage.matrix_.export'
import * as transcriptExport from '~/routes/$lang.manage.officers.$officer_.export'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'
import { studioContext } from '../support/studio-users'

const prisma = () => getPrisma()
const A = { id: '', code: 'EXP-A' }
const B = { id: '', code: 'EXP-B' }
const officer: Record<string, string> = {}
let manager: SessionUser
let admin: SessionUser
let modules = 0

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals')] })
  for (const side of [A, B]) {
    const created = await prisma().administration.create({
      data: { code: side.code, name: { en: side.code, ru: side.code } },
      select: { id: true },
    })
    side.id = created.id
  }
  for (const [key, displayName, administrationId] of [
    ['done', 'Anna Done', A.id],
    ['late', 'Boris Late', A.id],
    ['none', 'Vera None', A.id],
    ['other', 'MARKER-B Officer', B.id],
  ] as const) {
    const user = await prisma().user.create({
      data: { email: `${key}@exp.test`, displayName, passwordHash: 'x', role: 'LEARNER', administrationId },
      select: { id: true },
    })
    officer[key] = user.id
  }
  const assign = (administrationId: string, officerIds: string[], dueAt: string) =>
    assignCourse({
      administrationId,
      courseSlug: 'seals',
      officerIds,
      unitId: null,
      dueAt: new Date(dueAt),
      actorId: 'm',
    })
  await assign(A.id, [officer.done!], '2030-01-01T23:59:59Z')
  await assign(A.id, [officer.late!], '2020-03-31T23:59:59Z')
  await assign(B.id, [officer.other!], '2030-01-01T23:59:59Z')
  const courseModules = await prisma().module.findMany({
    where: { course: { slug: 'seals' }, archivedAt: null },
    orderBy: { position: 'asc' },
    select: { id: true },
  })
  modules = courseModules.length
  await markModuleComplete({ userId: officer.late!, moduleId: courseModules[0]!.id })
  await prisma().enrolment.updateMany({
    where: { userId: officer.done! },
    data: { completedAt: new Date('2026-10-01T15:30:00Z'), finalScore: 87.5 },
  })
  manager = await prisma().user.create({
    data: { email: 'manager@exp-a.test', displayName: 'M', passwordHash: 'x', role: 'MANAGER', administrationId: A.id },
    select: sessionUserSelect,
  })
  admin = await prisma().user.create({
    data: { email: 'admin@exp.test', displayName: 'Admin', passwordHash: 'x', role: 'ADMIN' },
    select: sessionUserSelect,
  })
})

type Loader = (args: never) => Promise<Response>

async function download(loader: Loader, user: SessionUser, path: string, params: Record<string, string> = {}) {
  const lang = path.startsWith('/ru') ? 'ru' : 'en'
  const args = {
    request: new Request(`http://localhost${path}`),
    params: { lang, ...params },
    context: studioContext(user, lang),
  }
  let response: Response
  try {
    response = await loader(args as never)
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    response = thrown
  }
  return response
}

async function csvOf(path: string, user = manager) {
  const response = await download(matrixExport.loader, user, path)
  expect(response.status).toBe(200)
  const bytes = new Uint8Array(await response.arrayBuffer())
  // A BOM first, so Excel reads UTF-8 (Response.text() would drop it).
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  return { text, records: parse(text, { bom: true }) as string[][] }
}

async function sheetOf(path: string, user = manager) {
  const response = await download(matrixExport.loader, user, path)
  expect(response.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(new Uint8Array(await response.arrayBuffer()).buffer)
  return workbook.worksheets[0]!
}

/** The row of `name` as an object keyed by the header. */
const rowOf = (records: string[][], name: string) => {
  const [headers, ...rows] = records
  const row = rows.find((cells) => cells[0] === name)
  expect(row, name).toBeDefined()
  return Object.fromEntries(headers!.map((header, index) => [header, row![index]]))
}

describe('the matrix as CSV', () => {
  it('is UTF-8 with a BOM, a typed column per fact and course, ISO days and dot decimals', async () => {
    const { text, records } = await csvOf('/en/manage/matrix/export?format=csv')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(records[0]).toEqual([
      'Officer',
      'E-mail',
      'Unit',
      'Course seals: status code',
      'Course seals: status',
      'Course seals: modules completed, %',
      'Course seals: completed on',
      'Course seals: final score, %',
      'Course seals: due date',
    ])
    expect(rowOf(records, 'Anna Done')).toMatchObject({
      'Course seals: status code': 'completed',
      'Course seals: status': 'Completed',
      'Course seals: modules completed, %': '100',
      'Course seals: completed on': '2026-10-01',
      'Course seals: final score, %': '87.5',
      'Course seals: due date': '2030-01-01',
    })
    expect(rowOf(records, 'Boris Late')).toMatchObject({
      'Course seals: status code': 'overdue',
      'Course seals: modules completed, %': String(Math.floor(100 / modules)),
      'Course seals: completed on': '',
      'Course seals: final score, %': '',
      'Course seals: due date': '2020-03-31',
    })
    expect(rowOf(records, 'Vera None')).toMatchObject({
      'Course seals: status code': 'not-enrolled',
      'Course seals: due date': '',
    })
    expect(text).not.toContain('MARKER-B')
  })

  it('has headings and labels in Russian for a Russian reader, codes and numbers unchanged', async () => {
    const { records } = await csvOf('/ru/manage/matrix/export?format=csv')
    const row = rowOf(records, 'Anna Done')
    expect(records[0]!.slice(0, 3)).toEqual(['Сотрудник', 'Эл. почта', 'Подразделение'])
    expect(row).toMatchObject({
      'Курс seals: код состояния': 'completed',
      'Курс seals: состояние': 'Пройден',
      'Курс seals: итоговый балл, %': '87.5',
      'Курс seals: дата прохождения': '2026-10-01',
    })
  })

  it('takes the page’s filters', async () => {
    const { records } = await csvOf('/en/manage/matrix/export?format=csv&course=seals&status=overdue')
    expect(records.slice(1).map((row) => row[0])).toEqual(['Boris Late'])
  })
})

describe('the matrix as XLSX', () => {
  it('has a frozen, filtered header row, real date cells and number cells', async () => {
    const sheet = await sheetOf('/en/manage/matrix/export?format=xlsx')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:I4')
    expect(sheet.getRow(1).getCell(4).value).toBe('Course seals: status code')
    const done = sheet.getRow(2)
    expect(done.getCell(1).value).toBe('Anna Done')
    expect(done.getCell(4)).toMatchObject({ type: ExcelJS.ValueType.String, value: 'completed' })
    expect(done.getCell(6)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 100 })
    expect(done.getCell(7)).toMatchObject({
      type: ExcelJS.ValueType.Date,
      value: new Date('2026-10-01T00:00:00Z'),
      numFmt: 'yyyy-mm-dd',
    })
    expect(done.getCell(8)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 87.5 })
    expect(done.getCell(9)).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date('2030-01-01T00:00:00Z') })
    const late = sheet.getRow(3)
    expect(late.getCell(4).value).toBe('overdue')
    expect(late.getCell(7).type).toBe(ExcelJS.ValueType.Null)
    expect(late.getCell(8).type).toBe(ExcelJS.ValueType.Null)
  })
})

describe('the administration of an export', () => {
  it('is the coordinator’s own: naming another one is a 404', async () => {
    const response = await download(matrixExport.loader, manager, `/en/manage/matrix/export?administration=${B.code}`)
    expect(response.status).toBe(404)
  })

  it('is the one an admin chooses, and nothing of the others', async () => {
    const { records } = await csvOf(`/en/manage/matrix/export?administration=${B.code}&format=csv`, admin)
    expect(records.slice(1).map((row) => row[0])).toEqual(['MARKER-B Officer'])
    expect(rowOf(records, 'MARKER-B Officer')['Course seals: status code']).toBe('not-started')
  })
})

describe('an officer’s transcript export', () => {
  const transcriptOf = (id: string, format: string) =>
    download(transcriptExport.loader, manager, `/en/manage/officers/${id}/export?format=${format}`, { officer: id })

  it('gives each line a status code and a percent as a number', async () => {
    const response = await transcriptOf(officer.late!, 'csv')
    const [headers, course] = parse(await response.text(), { bom: true }) as string[][]
    expect(headers!.slice(3, 5)).toEqual(['Status code', 'Status'])
    const row = Object.fromEntries(headers!.map((header, index) => [header, course![index]]))
    expect(row).toMatchObject({
      Kind: 'Course',
      'Status code': 'overdue',
      Status: 'Overdue',
      'Modules completed, %': String(Math.floor(100 / modules)),
      'Due or valid until': '2020-03-31',
    })
  })

  it('is a 404 for another administration’s officer', async () => {
    expect((await transcriptOf(officer.other!, 'xlsx')).status).toBe(404)
  })
})
