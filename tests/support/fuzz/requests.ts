// Random requests to the app's routes: odd methods, mangled addresses and queries, forms with
// hostile values, bodies that are not forms, broken multipart, NUL bytes, long values, broken
// percent-encoding, and bodies around the form size limit.
import fc from 'fast-check'
import { FORM_BODY_LIMIT } from '../../../server/request-limits'
import type { DemoIds, Identity } from './demo-ids'
import { FIELD_NAMES, fieldValue, formFields } from './values'

export interface FuzzRequest {
  route: string
  identity: Identity
  method: string
  path: string
  origin: 'own' | 'none' | 'other'
  contentType: string | null
  body: Uint8Array
  /** Sent without Content-Length (chunked). */
  chunked: boolean
  acceptLanguage: string | null
}

const FORM = 'application/x-www-form-urlencoded'
const bytes = (text: string) => new TextEncoder().encode(text)

/** Percent-encodes what an HTTP client cannot send raw, and keeps `%` raw, so broken escapes get through. */
function rawEncode(text: string) {
  const escape = (c: string) => [...bytes(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
  return [...text].map((c) => (/^[\x21-\x7e]$/.test(c) ? c : escape(c))).join('')
}

function encode(text: string, raw: boolean) {
  return raw ? rawEncode(text) : encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))
}

const encodePairs = (pairs: [string, string][], raw: boolean) =>
  pairs.map(([name, text]) => `${encode(name, raw)}=${encode(text, raw)}`).join('&')

function multipart(fields: [string, string][], file: Uint8Array | null, boundary: string) {
  const part = (disposition: string) => `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n`
  const text = fields.map(([name, value]) => `${part(`name="${name}"`)}${value}\r\n`).join('')
  const fileHead = file ? part('name="file"; filename="officers.csv"') : ''
  const end = `${file ? '\r\n' : ''}--${boundary}--\r\n`
  return Buffer.concat([bytes(text + fileHead), file ?? new Uint8Array(), bytes(end)])
}

type Body = Pick<FuzzRequest, 'contentType' | 'body'>

function body(ids: DemoIds): fc.Arbitrary<Body> {
  const fields = formFields(ids)
  const brokenMultipart = ['multipart/form-data', 'multipart/form-data; boundary=other', 'multipart/mixed']
  const notForms = ['text/plain', 'application/octet-stream', 'text/xml', `${FORM}; charset=koi8-r`, 'x']
  const sizes = fc.integer({ min: FORM_BODY_LIMIT - 2000, max: FORM_BODY_LIMIT + 2000 })
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fields.map((list) => ({ contentType: FORM, body: bytes(new URLSearchParams(list).toString()) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fields, fc.boolean())
        .map(([list, raw]) => ({ contentType: FORM, body: bytes(encodePairs(list, raw)) })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fields, fc.option(fc.uint8Array({ maxLength: 2000 })), fc.constantFrom('b0undary', 'x'))
        .map(([list, file, boundary]) => ({
          contentType: `multipart/form-data; boundary=${boundary}`,
          body: multipart(list, file, boundary),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fields, fc.constantFrom(...brokenMultipart), fc.nat(200)).map(([list, contentType, cut]) => ({
        contentType,
        body: multipart(list, null, 'b0undary').subarray(0, cut),
      })),
    },
    { weight: 1, arbitrary: fc.constant({ contentType: null, body: new Uint8Array() }) },
    { weight: 1, arbitrary: fc.json().map((json) => ({ contentType: 'application/json', body: bytes(json) })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...notForms), fc.uint8Array({ maxLength: 500 }))
        .map(([contentType, raw]) => ({ contentType, body: raw })),
    },
    { weight: 1, arbitrary: sizes.map((size) => ({ contentType: FORM, body: bytes(`text=${'a'.repeat(size - 5)}`) })) },
  )
}

type Mangle = (path: string) => string
const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`

function mangle(ids: DemoIds): fc.Arbitrary<Mangle> {
  const value = fieldValue(ids)
  const replaceSegment = fc.tuple(value, fc.nat(), fc.boolean()).map(([text, n, raw]): Mangle => (path) => {
    const [pathname = '', query] = path.split('?')
    const segments = pathname.split('/')
    segments[1 + (n % Math.max(1, segments.length - 1))] = encode(text, raw)
    return segments.join('/') + (query ? `?${query}` : '')
  })
  const pairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), value), value), {
    minLength: 1,
    maxLength: 4,
  })
  const addQuery = fc.tuple(pairs, fc.boolean()).map(
    ([list, raw]): Mangle =>
      (path) =>
        withQuery(path, encodePairs(list, raw)),
  )
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<Mangle>((path) => path) },
    { weight: 3, arbitrary: fc.constant<Mangle>((path) => path.replace(/(\?|$)/, '.data$1')) },
    { weight: 1, arbitrary: fc.constant<Mangle>((path) => withQuery(path, 'index')) },
    { weight: 2, arbitrary: replaceSegment },
    { weight: 2, arbitrary: addQuery },
  )
}

function target(addresses: Record<string, string[]>, ids: DemoIds) {
  const lang = fc.oneof(
    { weight: 6, arbitrary: fc.constant('en') },
    { weight: 2, arbitrary: fc.constant('ru') },
    fc.constantFrom('de', 'EN'),
  )
  return fc
    .tuple(fc.constantFrom(...Object.keys(addresses)), fc.nat(), lang, mangle(ids))
    .map(([route, n, language, change]) => {
      const choices = addresses[route]!
      return { route, path: change(choices[n % choices.length]!.replaceAll('{lang}', language)) }
    })
}

export function fuzzRequest(addresses: Record<string, string[]>, ids: DemoIds): fc.Arbitrary<FuzzRequest> {
  const method = fc.oneof(
    { weight: 4, arbitrary: fc.constant('GET') },
    { weight: 6, arbitrary: fc.constant('POST') },
    {
      weight: 2,
      arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'SEARCH'),
    },
  )
  const origin = fc.oneof(
    { weight: 8, arbitrary: fc.constant('own' as const) },
    fc.constantFrom('none' as const, 'other' as const),
  )
  return fc
    .record({
      target: target(addresses, ids),
      identity: fc.constantFrom<Identity>('anonymous', 'learner', 'manager', 'instructor', 'admin'),
      method,
      origin,
      body: body(ids),
      chunked: fc.boolean(),
      acceptLanguage: fc.option(fc.constantFrom('ru', 'ru-RU,ru;q=0.9', 'de', '*', ';q=x', 'en-GB')),
    })
    .map(({ target, body, ...rest }) => ({ ...rest, ...target, ...body }))
}
