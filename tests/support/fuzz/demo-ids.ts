// Real ids for the routes' parameters, found over HTTP the way a user would reach them, so fuzzed
// requests reach the code behind a found record and not only the "not found" branch.
import { readdirSync } from 'node:fs'
import type { AppServer } from '../app-server'

/** A shipped course (courses/aeo) with module quizzes and figures. */
const COURSE = 'aeo'

export const DEMO_EMAILS = {
  learner: 'learner@demo.test',
  manager: 'manager@demo.test',
  instructor: 'instructor@demo.test',
  admin: 'admin@demo.test',
} as const
export type Identity = keyof typeof DEMO_EMAILS | 'anonymous'

export interface DemoIds {
  course: string
  modules: string[]
  media: string
  /** The learner's: one still open, one submitted (its review page). */
  openAttempt: string
  closedAttempt: string
  certificate: string
  verificationCode: string
  officer: string
  administration: string
}

function firstMatch(text: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(text)?.[1]
  if (!found) throw new Error(`fuzz set-up: no ${what} found`)
  return found
}

export async function discoverDemoIds(server: AppServer, cookies: Record<Identity, string>): Promise<DemoIds> {
  const call = async (identity: Identity, path: string, form?: Record<string, string>) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: form ? 'POST' : 'GET',
      headers: { Cookie: cookies[identity], Origin: server.baseUrl },
      body: form ? new URLSearchParams(form) : undefined,
      redirect: 'manual',
    })
    return { location: response.headers.get('Location') ?? '', text: await response.text() }
  }
  // A new attempt's address, or (409) the open one the page offers to continue.
  const attemptIn = ({ location, text }: { location: string; text: string }) =>
    firstMatch(location || text, /\/attempts\/([^/?"]+)/, 'attempt')

  await call('learner', `/en/courses/${COURSE}`, { intent: 'enrol' })
  const coursePage = (await call('learner', `/en/courses/${COURSE}`)).text
  const modules = [...new Set(coursePage.match(new RegExp(`(?<=/en/courses/${COURSE}/modules/)[^"/?]+`, 'g')))]
  if (modules.length < 2) throw new Error('fuzz set-up: the course has fewer than two modules')
  const started = (module: string) =>
    call('learner', `/en/courses/${COURSE}/modules/${module}/quiz`, { intent: 'start' })
  const closedAttempt = attemptIn(await started(modules[0]!))
  await call('learner', `/en/attempts/${closedAttempt}`, { intent: 'submit', seq: '1' })
  const openAttempt = attemptIn(await started(modules[1]!))

  const certificates = (await call('admin', '/en/admin/certificates')).text
  const officers = (await call('manager', '/en/manage/officers')).text
  return {
    course: COURSE,
    modules,
    media: readdirSync(`courses/${COURSE}/media`)[0] ?? 'none.svg',
    openAttempt,
    closedAttempt,
    // Each row revokes through ?revoke=<id> (a dialog with JavaScript, a confirmation page without).
    certificate: firstMatch(certificates, /[?&;]revoke=([a-z0-9]+)/, 'certificate'),
    verificationCode: firstMatch(certificates, /data-certificate="([^"]+)"/, 'verification code'),
    officer: firstMatch(officers, /\/en\/manage\/officers\/([^"?/]+)/, 'officer'),
    administration: firstMatch(officers, /\?administration=([^"&]+)/, 'administration'),
  }
}
