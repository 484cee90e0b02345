import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import type { SessionUser } from '~/modules/auth/user'
import { routeAnswer } from './route-answer'
import { studioContext } from './studio-users'

/** A loader or action of a studio course page, as Remix calls it. */
export type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

/**
 * Calls a studio page's loader, or its action with `form`, at `path` (`/ru/studio/courses/seals`: the
 * language and the course come from it), as `user` (null: signed out), and reads what came back.
 */
export function callRoute(handler: Handler, user: SessionUser | null, path: string, form?: Record<string, string>) {
  let body: FormData | undefined
  if (form) {
    body = new FormData()
    for (const [name, value] of Object.entries(form)) body.append(name, value)
  }
  const request = new Request(`http://localhost${path}`, body ? { method: 'POST', body } : undefined)
  const lang = path.startsWith('/ru') ? 'ru' : 'en'
  // The params Remix would take from the path: /studio/courses/:course/modules/:module/quiz/questions/:question.
  const params: Record<string, string> = { lang }
  for (const [name, segment] of [
    ['course', 'studio/courses'],
    ['module', 'modules'],
    ['question', 'questions'],
  ] as const) {
    const value = new RegExp(`/${segment}/([^/?]+)`).exec(path)?.[1]
    if (value) params[name] = decodeURIComponent(value)
  }
  const args = { request, params, context: studioContext(user, lang) }
  return routeAnswer(() => handler(args))
}
