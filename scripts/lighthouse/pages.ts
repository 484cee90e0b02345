// The pages `npm run lighthouse` audits, in both languages, and the state each needs: a signed-in
// account, an enrolment and an open attempt, made through the app's own forms as a browser would.
import { signIn } from '../bench/sign-in'

export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

const COURSE = 'cargo-container-control'
const MODULE = 'container-identification'

export interface AuditedPage {
  name: string
  /** The address below the language prefix, e.g. `/courses/x` for `/en/courses/x`. */
  path: string
  /** Demo account whose session cookie Lighthouse sends; anonymous when absent. */
  user?: string
  /** Text the page must contain (in either language), so a login page or an error page is never audited by mistake. */
  expect: string
}

export interface PreparedPages {
  pages: AuditedPage[]
  /** Cookie header per demo account, signed in once. */
  cookies: Map<string, string>
}

async function postForm(baseUrl: string, path: string, cookie: string, fields: Record<string, string>) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { Origin: baseUrl, Cookie: cookie },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
  const location = response.headers.get('location')
  if (response.status !== 302 || !location) throw new Error(`POST ${path} answered ${response.status}`)
  return location
}

/**
 * Signs the demo accounts in, enrols the learner in the course and starts the first module's quiz,
 * so the attempt page exists. Returns the pages to audit.
 */
export async function preparePages(baseUrl: string): Promise<PreparedPages> {
  const learner = 'learner@demo.test'
  const coordinator = 'manager@demo.test'
  const instructor = 'instructor@demo.test'
  const cookies = new Map<string, string>()
  for (const email of [learner, coordinator, instructor]) cookies.set(email, await signIn({ baseUrl, email }))

  const learnerCookie = cookies.get(learner)!
  await postForm(baseUrl, `/en/courses/${COURSE}`, learnerCookie, { intent: 'enrol' })
  const attemptUrl = await postForm(baseUrl, `/en/courses/${COURSE}/modules/${MODULE}/quiz`, learnerCookie, {
    intent: 'start',
  })
  const attempt = /\/attempts\/([^/?#]+)/.exec(attemptUrl)?.[1]
  if (!attempt) throw new Error(`starting the quiz led to ${attemptUrl}, not to an attempt`)

  const pages: AuditedPage[] = [
    { name: 'home', path: '', expect: 'e-Training' },
    { name: 'module', path: `/courses/${COURSE}/modules/${MODULE}`, user: learner, expect: 'CSQU3054383' },
    { name: 'attempt', path: `/attempts/${attempt}`, user: learner, expect: 'name="seq"' },
    { name: 'matrix', path: '/manage/matrix', user: coordinator, expect: 'Tigran Sargsyan' },
    {
      name: 'studio course',
      path: `/studio/courses/${COURSE}`,
      user: instructor,
      expect: `/studio/courses/${COURSE}/`,
    },
  ]
  return { pages, cookies }
}

/** GETs the page as Lighthouse will, and fails unless it answers 200 with the expected text. */
export async function assertServes(url: string, page: AuditedPage, cookie: string | undefined) {
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
  const body = await response.text()
  if (response.status !== 200 || !body.includes(page.expect)) {
    throw new Error(`GET ${url} answered ${response.status} without "${page.expect}"`)
  }
}
