// Requests the app refuses, sent over HTTP to the production server: bodies over the limits (declared
// or streamed), bodies that are not forms, methods it does not take, addresses it cannot decode.
// Each gets its 4xx and a message in the page's language, never a 500 or a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '~/modules/manage/manage.schema'
import { MAX_MEDIA_BYTES } from '~/modules/studio/media.schema'
import { FORM_BODY_LIMIT, MEDIA_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../../server/request-limits'
import { startAppServer, type AppServer } from '../support/app-server'
import { sendRaw, type RawRequest } from '../support/raw-http'

let server: AppServer
let manager: string
let instructor: string
beforeAll(async () => {
  server = await startAppServer()
  manager = await server.cookieFor('manager@demo.test')
  instructor = await server.cookieFor('instructor@demo.test')
}, 150_000)
afterAll(async () => {
  await server?.stop()
})

const FORM = 'application/x-www-form-urlencoded'
const send = (request: RawRequest) =>
  sendRaw(server.port, { ...request, headers: { Origin: server.baseUrl, ...request.headers } })
/** A login form of exactly `size` bytes. */
const loginForm = (size: number) => `email=someone%40demo.test&password=x&pad=`.padEnd(size, 'a')
/** The import's confirmation (its checked text posted back) of exactly `size` bytes. */
const importText = (size: number) => 'text='.padEnd(size, 'a')

describe('body limits', () => {
  it('refuses a form declared over the limit before reading it, in the page language', async () => {
    const over = await send({
      method: 'POST',
      path: '/ru/login',
      headers: { 'Content-Type': FORM },
      body: loginForm(FORM_BODY_LIMIT + 1),
      withholdBody: true,
    })
    expect(over.status).toBe(413)
    expect(over.headers.connection).toBe('close')
    expect(over.body).toBe(
      'Отправлено больше данных, чем принимает эта страница. Если вы загружаете файл, выберите файл меньшего размера.',
    )
    const at = await send({
      method: 'POST',
      path: '/en/login',
      headers: { 'Content-Type': FORM },
      body: loginForm(FORM_BODY_LIMIT),
    })
    expect(at.status).toBe(400) // read, and answered by the login form: no such account
  })

  it('counts a chunked form (no Content-Length) as it is read, and stops past the limit', async () => {
    const headers = { 'Content-Type': FORM }
    const over = await send({
      method: 'POST',
      path: '/en/login',
      headers,
      body: loginForm(FORM_BODY_LIMIT + 1),
      chunked: true,
    })
    expect(over.status).toBe(413)
    expect(over.body).toContain('More data was sent than this page accepts.')
    const at = await send({
      method: 'POST',
      path: '/en/login',
      headers,
      body: loginForm(FORM_BODY_LIMIT),
      chunked: true,
    })
    expect(at.status).toBe(400)
  })

  it('takes up to the upload limit on the officer import only', async () => {
    const path = '/en/manage/import'
    const asManager = { 'Content-Type': FORM, Cookie: manager }
    const over = await send({
      method: 'POST',
      path,
      headers: asManager,
      body: importText(UPLOAD_BODY_LIMIT + 1),
      withholdBody: true,
    })
    expect(over.status).toBe(413)
    const streamed = { method: 'POST', path, headers: asManager, chunked: true }
    expect((await send({ ...streamed, body: importText(UPLOAD_BODY_LIMIT + 1) })).status).toBe(413)
    // Read whole, and answered by the page: a text this long is more than an import file may hold.
    const at = await send({ ...streamed, body: importText(UPLOAD_BODY_LIMIT) })
    expect(at.status).toBe(200)
    expect(at.body).toContain('The file is larger than 1 MB.')
  })

  it('reports a file over the import size on the form', async () => {
    const boundary = 'b0undary'
    const file = 'email,name\n'.padEnd(MAX_IMPORT_BYTES + 1, 'a')
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="officers.csv"\r\n\r\n${file}\r\n--${boundary}--\r\n`
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: manager }
    const answer = await send({ method: 'POST', path: '/en/manage/import', headers, body })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatch(/role="alert"><p>The file is larger than 1 MB\./)
  })
})

describe('the course media upload', () => {
  const boundary = 'b0undary'
  /** The media page's upload of a file of `size` bytes, alt texts included. */
  const upload = (size: number) =>
    [
      ['intent', 'upload'],
      ['alt.en', 'A seal'],
      ['alt.ru', 'Пломба'],
    ]
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n` +
    `${'a'.repeat(size)}\r\n--${boundary}--\r\n`
  const post = (path: string, size: number, how: Pick<RawRequest, 'chunked' | 'withholdBody'> = {}) =>
    send({
      method: 'POST',
      path,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: instructor },
      body: upload(size),
      ...how,
    })

  it('takes a body up to its own limit there and nowhere else', async () => {
    expect((await post('/en/studio/courses/aeo/media', MEDIA_BODY_LIMIT, { withholdBody: true })).status).toBe(413)
    // A file of the largest size allowed is read whole, and judged by its content.
    const at = await post('/ru/studio/courses/aeo/media', MAX_MEDIA_BYTES)
    expect(at.status).toBe(400)
    expect(at.body).toContain('Этот файл не является изображением PNG, JPEG, WebP или SVG.')
    // The course page next to it takes a form's body.
    expect((await post('/en/studio/courses/aeo', FORM_BODY_LIMIT, { withholdBody: true })).status).toBe(413)
  })

  it('reports a file over the media size on its form, in the page’s language, from the stream', async () => {
    const answer = await post('/ru/studio/courses/aeo/media', MAX_MEDIA_BYTES + 1, { chunked: true })
    expect(answer.status).toBe(413)
    expect(answer.body).toContain('Файл больше 2 МБ.')
  })
})

describe('requests that are not what the app serves', () => {
  it.each([
    ['TRACE', '/en/login', 405],
    ['PUT', '/en/login', 405],
    ['PROPFIND', '/en/courses', 405],
    ['HEAD', '/en/courses.data', 405],
    ['OPTIONS', '/en/login', 204],
    ['HEAD', '/en/login', 200],
  ])('%s %s: %i', async (method, path, status) => {
    const answer = await send({ method, path })
    expect(answer.status).toBe(status)
    if (status !== 200) expect(answer.headers.allow).toMatch(/^GET, (HEAD, )?POST/)
  })

  it.each([
    ['text/plain', 'email=a'],
    ['application/json', '{"email":"a"}'],
    [null, 'email=a'],
  ])('a POST of %s is a 415', async (type, body) => {
    const answer = await send({
      method: 'POST',
      path: '/ru/login',
      headers: type ? { 'Content-Type': type } : {},
      body,
    })
    expect(answer.status).toBe(415)
    expect(answer.body).toBe(
      'Этот адрес принимает только формы, отправленные с его страницы. Обновите страницу и повторите попытку.',
    )
  })

  it.each([
    ['multipart without a boundary', 'multipart/form-data', 'garbage'],
    [
      'multipart cut short',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na',
    ],
    ['a NUL in a field', FORM, 'email=a%00b%40demo.test&password=x'],
    ["Conform's intent field not as Conform writes it", FORM, 'email=a%40demo.test&password=x&__intent__=78319913'],
    ["Conform's intent field not JSON", FORM, 'email=a%40demo.test&password=x&__intent__=%7Bvalidate'],
  ])('a form it cannot read (%s) is a 400 page', async (_, type, body) => {
    const answer = await send({ method: 'POST', path: '/en/login', headers: { 'Content-Type': type }, body })
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('This form was not recognised.')
  })

  it.each([
    '/%zz',
    '/en/courses/%E0%A4%A',
    '/en/courses/a%00b',
    '/en/manage/officers?q=a%00b',
    '/en/courses/%zz.data',
    '/%09/evil.example',
    '/%5C',
    '/en/courses/%5Caeo',
  ])('the address %s is a 400', async (path) => {
    const answer = await send({ method: 'GET', path })
    expect(answer.status).toBe(400)
    expect(answer.body).toBe('This address is not valid. Check the link, or go back to the home page.')
  })

  it.each([
    ['Host', 'a b'],
    ['Host', '['],
    ['X-Forwarded-Host', 'a%zz b'],
  ])('a %s that is not a host (%s) is a 400, not a URL error', async (name, value) => {
    const answer = await send({ method: 'GET', path: '/en', headers: { [name]: value } })
    expect(answer.status).toBe(400)
    expect(answer.body).toBe('This address is not valid. Check the link, or go back to the home page.')
  })
})
