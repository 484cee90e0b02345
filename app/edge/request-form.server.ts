// Reading a posted form. A body that is not a readable form is the sender's fault, never a 500: the
// route gets a 400 (413 when the server's body limit cut it off, server/request-limits.ts).
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node'

const TOO_LARGE = 'RequestBodyTooLarge'

/** What server/request-limits.ts makes a body stream fail with once it has passed its route's limit. */
export class RequestBodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`)
    this.name = TOO_LARGE
  }
}

// By name, not instanceof: the server runs this file from source and the app from its build, two copies
// of the class.
const isTooLarge = (error: unknown) => error instanceof Error && error.name === TOO_LARGE

/** The posted form (URL-encoded or multipart), or a 400/413 Response to throw. */
export function readForm(request: Request): Promise<FormData> {
  return checked(() => request.formData())
}

/**
 * A multipart form whose parts go through `uploadHandler` as they arrive, so a file part is never held
 * whole before its size is checked. A part over the handler's size is the route's to report
 * (MaxPartSizeExceededError), on its form.
 */
export function readUploadForm(request: Request, uploadHandler: UploadHandler): Promise<FormData> {
  return checked(() => unstable_parseMultipartFormData(request, uploadHandler))
}

/**
 * A page's posted form, URL-encoded or multipart; a multipart one's file is held in memory up to
 * `maxPartSize`, and 'too-large' when a part is over it (the rest of the body is not read, so the answer
 * should close the connection).
 */
export async function readFormOrUpload(request: Request, { maxPartSize }: { maxPartSize: number }) {
  try {
    return request.headers.get('Content-Type')?.startsWith('multipart/form-data')
      ? await readUploadForm(request, unstable_createMemoryUploadHandler({ maxPartSize }))
      : await readForm(request)
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return 'too-large' as const
    throw error
  }
}

async function checked(read: () => Promise<FormData>) {
  let form: FormData
  try {
    form = await read()
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw error
    if (isTooLarge(error)) throw new Response('common:errors.tooLarge', { status: 413 })
    throw new Response('common:errors.unknownForm', { status: 400 }) // broken multipart, not a form at all
  }
  // PostgreSQL text cannot hold NUL, and no form field a browser fills in has one: refused, not stripped,
  // so nothing is stored other than what was sent.
  for (const [name, value] of form) {
    if (name.includes('\0') || (typeof value === 'string' && value.includes('\0')))
      throw new Response('common:errors.unknownForm', { status: 400 })
  }
  // Conform's own field (a button such as "validate" sends it) throws inside parseWithZod when it is not
  // the JSON Conform writes: refused here, for every action at once.
  for (const intent of form.getAll(CONFORM_INTENT))
    if (!isConformIntent(intent)) throw new Response('common:errors.unknownForm', { status: 400 })
  return form
}

const CONFORM_INTENT = '__intent__'

/** What @conform-to/dom's getIntent accepts: JSON of an object with a string `type` and a `payload`. */
function isConformIntent(value: FormDataEntryValue): boolean {
  if (typeof value !== 'string') return false
  if (value === '') return true // read as no intent at all
  try {
    const control: unknown = JSON.parse(value)
    return (
      typeof control === 'object' &&
      control !== null &&
      typeof Reflect.get(control, 'type') === 'string' &&
      Reflect.get(control, 'payload') !== undefined
    )
  } catch {
    return false
  }
}
