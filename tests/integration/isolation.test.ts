// Issue 6, isolation: the manager of administration A puts the ids of administration B's officers, units,
// attempts and certificates into every manage URL, query parameter, form and export. Each answer is a 404,
// or a 2xx/4xx that holds no byte of B's data: B's names carry a marker that no response may contain,
// CSV and XLSX bodies included. The routes are called as Remix calls them, with A's manager signed in.
import { localeFromPath } from '~/i18n/config'
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursePackages } from '~/modules/content/import.server'
import { assignCourse } from '~/modules/manage/assignments.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import * as attemptPage from '~/routes/$lang.attempts.$attempt._index'
import * as attemptReview from '~/routes/$lang.attempts.$attempt.review'
import * as certificatePdf from '~/routes/$lang.certificates.$certificate.pdf'
import * as importPage from '~/routes/$lang.manage.import'
import * as dashboardPage from '~/routes/$lang.manage._index'
import * as officersPage from '~/routes/$lang.manage.officers._index'
import * as matrixPage from '~/routes/$lang.manage.matrix'
import * as matrixExport from '~/routes/$lang.manage.matrix_.export'
import * as transcriptPage from '~/routes/$lang.manage.officers.$officer'
import * as transcriptExport from '~/routes/$lang.manage.officers.$officer_.export'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const MARKER = 'MARKERB'
const prisma = () => getPrisma()
const A = { id: '', code: 'ISO-A', officerId: '', unitId: '' }
const B = { id: '', code: 'ISO-B', officerId: '', invitedId: '', unitId: '', attemptId: '', certificateId: '' }
let manager: SessionUser

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals')] })
  for (const side of [A, B]) {
    const tag = side === B ? `${MARKER} ` : ''
    const administration = await prisma().administration.create({
      data: {
        code: side.code,
        name: { en: `${tag}Customs ${side.code}`, ru: `${tag}Таможня ${side.code}` },
        units: { create: [{ name: `${tag}Border post ${side.code}` }] },
      },
      select: { id: true, units: { select: { id: true } } },
    })
    side.id = administration.id
    side.unitId = administration.units[0]!.id
    const officer = await prisma().user.create({
      data: {
        email: side === B ? 'marker.b@iso.test' : 'officer.a@example.test',
        displayName: `${tag}Officer of ${side.code}`,
        passwordHash: 'x',
        role: 'LEARNER',
        administrationId: side.id,
        unitId: side.unitId,
      },
      select: { id: true },
    })
    side.officerId = officer.id
    await assignCourse({
      administrationId: side.id,
      courseSlug: 'seals',
      officerIds: [officer.id],
      unitId: null,
      dueAt: new Date('2030-01-01T00:00:00Z'),
      actorId: 'manager',
    })
  }
  manager = await prisma().user.create({
    data: {
      email: 'manager@iso-a.test',
      displayName: 'Manager of A',
      passwordHash: 'x',
      role: 'MANAGER',
      administrationId: A.id,
    },
    select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
  })
  // B's officer has progress, a graded attempt and a certificate: everything a manager could ask about.
  const module = await prisma().module.findFirstOrThrow({
    where: { course: { slug: 'seals' } },
    orderBy: { position: 'asc' },
    select: { id: true, courseId: true, quiz: { select: { id: true } } },
  })
  await markModuleComplete({ userId: B.officerId, moduleId: module.id })
  const attempt = await prisma().quizAttempt.create({
    data: {
      quizId: module.quiz!.id,
      userId: B.officerId,
      number: 1,
      status: 'SUBMITTED',
      questions: [],
      submittedAt: new Date(),
      score: 80,
      passed: true,
      closedBy: 'learner',
    },
    select: { id: true },
  })
  B.attemptId = attempt.id
  const certificate = await prisma().certificate.create({
    data: {
      code: '1S0B0000000000000000000000B1',
      userId: B.officerId,
      courseId: module.courseId,
      administrationId: B.id,
      learnerName: `${MARKER} Officer of ISO-B`,
      administrationName: { en: `${MARKER} Customs`, ru: `${MARKER} Таможня` },
      courseSlug: 'seals',
      courseTitle: { en: 'Seals', ru: 'Пломбы' },
      courseVersion: 1,
      finalScore: 80,
      completedAt: new Date(),
    },
    select: { id: true },
  })
  B.certificateId = certificate.id
  // And B has an officer who has not accepted their invitation yet: the one a re-send would be for.
  const invited = await prisma().user.create({
    data: {
      email: 'marker.invited@iso.test',
      displayName: `${MARKER} Officer of ISO-B, invited`,
      role: 'LEARNER',
      administrationId: B.id,
    },
    select: { id: true },
  })
  B.invitedId = invited.id
})

const context = (): AppLoadContext => ({
  requestId: 'isolation',
  locale: 'en',
  clientIp: '127.0.0.1',
  secureCookies: false,
  cspNonce: 'isolation',
  auth: { sessionId: 'isolation', user: manager },
  log: {},
})

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

interface Answer {
  status: number
  body: string
}

/** Calls a loader or an action as Remix would, and reads whatever comes back, thrown or returned. */
async function call(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  form?: Record<string, string | string[]>,
) {
  const url = `http://localhost${path}`
  let body: FormData | undefined
  if (form) {
    body = new FormData()
    for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) body.append(name, one)
  }
  const request = new Request(url, body ? { method: 'POST', body } : undefined)
  // The server decides the language from the path (server/middleware.ts); so does this stand-in.
  const locale = localeFromPath(path) ?? 'en'
  const args = { request, params: { lang: 'en', ...params }, context: { ...context(), locale } }
  let result: unknown
  try {
    result = await handler(args)
  } catch (thrown) {
    result = thrown
  }
  return read(result)
}

async function read(result: unknown): Promise<Answer> {
  if (result instanceof Response) {
    const type = result.headers.get('Content-Type') ?? ''
    const bytes = new Uint8Array(await result.arrayBuffer())
    const body = type.includes('spreadsheetml') ? await xlsxText(bytes) : new TextDecoder().decode(bytes)
    return { status: result.status, body }
  }
  if (result instanceof Error) throw result
  const init = (result as { init?: { status?: number } } | null)?.init
  return { status: init?.status ?? 200, body: JSON.stringify(result) }
}

/** Every sheet name and cell of a workbook, as text. */
async function xlsxText(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
  const parts: string[] = []
  for (const sheet of workbook.worksheets) {
    parts.push(sheet.name)
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.value))))
  }
  return parts.join('\n')
}

/** B's data as it could leak: its names (not the words of a query echoed back in the page's filters) and ids. */
function expectNothingOfB(answer: Answer, what: string, echoed: string[] = []) {
  const leaks = ['Officer of ISO-B', 'Border post ISO-B', 'Customs ISO-B', 'Таможня ISO-B', '@iso.test', ...idsOfB()]
  for (const leak of leaks.filter((text) => !echoed.includes(text))) {
    expect(answer.body, `${what}: ${leak}`).not.toContain(leak)
  }
  expect(answer.status, what).toBeLessThan(500)
}

const idsOfB = () => [B.officerId, B.invitedId, B.attemptId, B.certificateId]

describe('the manager of A asking about B', () => {
  it('gets 404 for B itself, B’s officer’s transcript and its exports, B’s certificate and attempt', async () => {
    const notFound: [string, Handler, string, Record<string, string>][] = [
      ['dashboard of B', dashboardPage.loader, `/en/manage?administration=${B.code}`, {}],
      ['officers of B', officersPage.loader, `/en/manage/officers?administration=${B.code}`, {}],
      ['matrix of B', matrixPage.loader, `/en/manage/matrix?administration=${B.code}`, {}],
      ['matrix export of B', matrixExport.loader, `/en/manage/matrix/export?administration=${B.code}&format=csv`, {}],
      ['import for B', importPage.loader, `/en/manage/import?administration=${B.code}`, {}],
      [
        'transcript of B’s officer',
        transcriptPage.loader,
        `/en/manage/officers/${B.officerId}`,
        { officer: B.officerId },
      ],
      ...(['csv', 'xlsx'] as const).map((format): [string, Handler, string, Record<string, string>] => [
        `transcript ${format} of B’s officer`,
        transcriptExport.loader,
        `/en/manage/officers/${B.officerId}/export?format=${format}`,
        { officer: B.officerId },
      ]),
      [
        'B’s certificate',
        certificatePdf.loader,
        `/en/certificates/${B.certificateId}/pdf`,
        { certificate: B.certificateId },
      ],
      ['B’s attempt', attemptPage.loader, `/en/attempts/${B.attemptId}`, { attempt: B.attemptId }],
      ['B’s attempt review', attemptReview.loader, `/en/attempts/${B.attemptId}/review`, { attempt: B.attemptId }],
    ]
    for (const [what, handler, path, params] of notFound) {
      const answer = await call(handler, path, params)
      expect(answer.status, what).toBe(404)
      expectNothingOfB(answer, what)
    }
  })

  it('gets pages and exports of A only, whatever B ids or names are put in the query', async () => {
    const queries = [
      `q=${MARKER}`,
      `q=iso-b`,
      `unit=${B.unitId}`,
      `unit=${B.unitId}&q=Officer`,
      `status=active&unit=${B.unitId}`,
      `course=seals&status=completed&unit=${B.unitId}`,
      `sort=seals&dir=desc&q=Officer`,
      `administration=${A.code}&officer=${B.officerId}`,
    ]
    for (const query of queries) {
      for (const [what, handler, path] of [
        ['dashboard', dashboardPage.loader, '/en/manage'],
        ['officers', officersPage.loader, '/en/manage/officers'],
        ['matrix', matrixPage.loader, '/en/manage/matrix'],
        ['matrix CSV', matrixExport.loader, '/en/manage/matrix/export?format=csv'],
        ['matrix XLSX', matrixExport.loader, '/en/manage/matrix/export?format=xlsx'],
      ] as const) {
        const url = `${path}${path.includes('?') ? '&' : '?'}${query}`
        const answer = await call(handler as Handler, url, {})
        expect(answer.status, `${what} ${query}`).toBe(200)
        expectNothingOfB(answer, `${what} ${query}`)
      }
    }
    // A's own officer is there, so the searches above did find something of A.
    const own = await call(matrixExport.loader as Handler, '/en/manage/matrix/export?format=xlsx', {})
    expect(own.body).toContain('Officer of ISO-A')
    const transcript = await call(
      transcriptExport.loader as Handler,
      `/en/manage/officers/${A.officerId}/export?format=xlsx`,
      { officer: A.officerId },
    )
    expect(transcript.status).toBe(200)
    expectNothingOfB(transcript, 'A’s transcript')
  })

  it('changes nothing of B through any form, and learns nothing from the answers', async () => {
    const before = await snapshotOfB()
    const forms: [string, Handler, string, Record<string, string | string[]>][] = [
      [
        'deactivate B’s officer',
        officersPage.action,
        '/en/manage/officers',
        { intent: 'deactivate', officerId: B.officerId },
      ],
      [
        'reactivate B’s officer',
        officersPage.action,
        '/en/manage/officers',
        { intent: 'reactivate', officerId: B.officerId },
      ],
      [
        'resend to B’s officer',
        officersPage.action,
        '/en/manage/officers',
        { intent: 'resend', officerId: B.invitedId },
      ],
      [
        'assign to B’s officer',
        officersPage.action,
        '/en/manage/officers',
        { intent: 'assign', courseSlug: 'seals', dueAt: '2031-01-01', officerIds: [B.officerId] },
      ],
      [
        'assign to B’s unit',
        officersPage.action,
        '/en/manage/officers',
        { intent: 'assign', courseSlug: 'seals', dueAt: '2031-01-01', unitId: B.unitId },
      ],
      [
        'invite into B’s unit',
        officersPage.action,
        '/en/manage/officers',
        {
          intent: 'invite',
          email: 'new@example.test',
          displayName: 'New Officer',
          preferredLocale: 'en',
          unitId: B.unitId,
        },
      ],
      [
        'import into B’s unit',
        importPage.action,
        '/en/manage/import',
        { text: `email,name,unit\nnew2@example.test,New Two,${MARKER} Border post ISO-B\n` },
      ],
      [
        'act on B',
        officersPage.action,
        `/en/manage/officers?administration=${B.code}`,
        { intent: 'deactivate', officerId: A.officerId },
      ],
      ['save B’s attempt', attemptPage.action, `/en/attempts/${B.attemptId}`, { intent: 'submit', seq: '1' }],
    ]
    for (const [what, handler, path, form] of forms) {
      const params: Record<string, string> = path.startsWith('/en/attempts/') ? { attempt: B.attemptId } : {}
      const answer = await call(handler, path, params, form)
      expect(answer.status, what).toBeGreaterThanOrEqual(400)
      // The import report quotes the file's own unit name back: the same words as for a unit nobody has.
      expectNothingOfB(answer, what, what.startsWith('import') ? ['Border post ISO-B'] : [])
    }
    expect(await snapshotOfB()).toEqual(before)
  })

  it('gets downloads refused in words of the reader’s language, never as an error key', async () => {
    const transcript = (lang: string, format: string) =>
      call(transcriptExport.loader, `/${lang}/manage/officers/${B.officerId}/export?format=${format}`, {
        lang,
        officer: B.officerId,
      })
    expect(await transcript('ru', 'csv')).toEqual({
      status: 404,
      body: 'По этому адресу ничего нет. Проверьте ссылку или вернитесь на главную страницу.',
    })
    expect((await transcript('en', 'xlsx')).body).toBe(
      'There is no page at this address. Check the link or go back to the home page.',
    )
    for (const format of ['pdf', 'CSV', '']) {
      const answer = await call(matrixExport.loader, `/ru/manage/matrix/export?format=${format}`, { lang: 'ru' })
      expect(answer, format).toEqual({
        status: 400,
        body: 'Неизвестный формат файла. Выберите CSV (format=csv) или Excel (format=xlsx).',
      })
    }
    expect((await call(matrixExport.loader, '/en/manage/matrix/export', {})).status).toBe(200)
  })
})

/** Everything about B that a form could change. */
async function snapshotOfB() {
  const [users, enrolments, invitations, attempts, audit] = await Promise.all([
    prisma().user.findMany({
      where: { administrationId: B.id },
      orderBy: { id: 'asc' },
      select: { id: true, disabledAt: true, unitId: true, passwordHash: true },
    }),
    prisma().enrolment.findMany({
      where: { user: { administrationId: B.id } },
      orderBy: { id: 'asc' },
      select: { id: true, dueAt: true, assignedById: true },
    }),
    prisma().invitation.count({ where: { user: { administrationId: B.id } } }),
    prisma().quizAttempt.findMany({ where: { userId: B.officerId }, select: { id: true, status: true, score: true } }),
    prisma().auditLog.count(),
  ])
  const unitMembers = await prisma().user.count({ where: { unitId: B.unitId } })
  return { users, enrolments, invitations, attempts, audit, unitMembers }
}
