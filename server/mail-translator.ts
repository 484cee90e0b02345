import type { ServerBuild } from '@remix-run/node'
import type { MailTranslator } from '~/modules/platform/link-mail'

/**
 * The e-mail texts from the app's build (entry.server.tsx exports them): the locale files are bundled
 * there by Vite, and this process must not load its own copy of the i18n set-up (ADR 033).
 */
export function mailTranslatorOf(build: ServerBuild): MailTranslator {
  const translator: unknown = Reflect.get(build.entry.module, 'mailTranslator')
  if (typeof translator !== 'function') throw new Error('the app build exports no mailTranslator: rebuild it')
  return translator as MailTranslator
}
