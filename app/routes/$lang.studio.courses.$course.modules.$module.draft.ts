import type { ActionFunctionArgs } from '@remix-run/node'
import { conflictView, saveProblems } from '~/edge/studio-module-editor.server'
import { readForm } from '~/edge/request-form.server'
import { getServerT } from '~/i18n/i18n.server'
import { can } from '~/modules/auth/permissions'
import { findEditableModule, saveModuleDraft } from '~/modules/studio/drafts.server'
import { DraftConflict, ModuleNotFound } from '~/modules/studio/errors'
import { DraftSaveSchema } from '~/modules/studio/module-editor.schema'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'

/*
 * Where the module editor's script saves one language's draft as the author types (ADR 021). It answers
 * in JSON — the new version, the other author's text on a conflict (409), the problems next to their
 * fields (400) — so a refused save is the editor's to show, never an error page over the author's text.
 * Without JavaScript the editor's own form saves.
 */

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = getServerT(context.locale, 'studio')
  const reply = (status: number, body: Record<string, unknown>) => Response.json(body, { status })
  // Outsiders, the signed-out included, get the same 404 as for a module that does not exist (ADR 018);
  // its message also covers an author whose session ended while writing.
  const notFound = () => reply(404, { message: t('editor.notFound') })
  if (!context.auth || !can(context.auth.user.role, 'author:courses')) return notFound()
  const userId = context.auth.user.id
  // Found only if this author edits the course: one query for "which module" and "may they" (ADR 018).
  const editable = await findEditableModule({
    courseSlug: params.course ?? '',
    moduleSlug: params.module ?? '',
    userId,
  })
  if (!editable) return notFound()
  const form = DraftSaveSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!form.success) return reply(400, { message: t('common:errors.unknownForm') })
  const { locale, title, markdown, version } = form.data
  try {
    const saved = await saveModuleDraft({
      moduleId: editable.id,
      locale,
      fields: { title, markdown },
      baseVersion: version,
      userId,
      editable,
    })
    return reply(200, { version: saved.version, savedAt: saved.updatedAt.toISOString() })
  } catch (error) {
    if (error instanceof ModuleNotFound) return notFound()
    if (error instanceof DraftConflict) return reply(409, { conflict: conflictView(error.current) })
    if (isDatabaseUnavailable(error)) return reply(503, { message: t('common:errors.unavailableText') })
    const problems = saveProblems(error)
    if (!problems) throw error
    return reply(400, {
      problems: problems.map((problem) => ({ ...problem, text: t(problem.message, problem.params) })),
    })
  }
}
