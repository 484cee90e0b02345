import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { href } from '~/i18n/href'
import type { Locale } from '~/i18n/config'
import { discardDraft, markUpToDate } from '~/modules/studio/drafts.server'
import { saveEditedTexts, type EditedText } from '~/modules/studio/editor-save.server'
import {
  type DraftConflict,
  DraftTooLarge,
  ModuleNotFound,
  PublishRefused,
  RevisionNotFound,
  UnsafeMarkdown,
} from '~/modules/studio/errors'
import { EditorCommandSchema, readEditorForm } from '~/modules/studio/module-editor.schema'
import { findModuleId } from '~/modules/studio/module-editor.server'
import { publishModule, restoreRevision } from '~/modules/studio/revisions.server'
import type { Field } from '~/modules/studio/translation-status'
import { invariantResponse } from '~/utils/http'
import { requirePermissionOrNotFound } from './guard.server'
import { readForm } from './request-form.server'

/** A problem shown next to its field: an i18n key of the `studio` namespace and its values. */
export interface EditorProblem {
  field: Field
  locale: Locale
  message: string
  params: Record<string, string | number>
}

/** Why the editor's form was not (all) stored; the page keeps `texts`, the author's own, in the editor. */
export interface ModuleEditorActionData {
  /** What was refused: the texts' save, or (saved) their publishing. */
  refused: 'save' | 'publish'
  texts: Record<Locale, EditedText>
  problems: EditorProblem[]
  conflicts: (Omit<DraftConflict['current'], 'updatedAt'> & { updatedAt: string })[]
}

/** A save check's refusal as problems next to their fields (also the draft endpoint's 400). */
export function saveProblems(error: unknown): EditorProblem[] | null {
  if (error instanceof DraftTooLarge) {
    const { field, locale, limit, size } = error.detail
    // A body is measured in bytes and told in KB; a title in characters.
    const inUnits = (value: number) => (field === 'body' ? Math.ceil(value / 1024) : value)
    return [
      { field, locale, message: `editor.tooLarge.${field}`, params: { limit: inUnits(limit), size: inUnits(size) } },
    ]
  }
  if (error instanceof UnsafeMarkdown || error instanceof PublishRefused)
    return error.problems.map(({ field, locale, code, params }) => ({
      field,
      locale,
      message: `problems.${code}`,
      params,
    }))
  return null
}

export const conflictView = (conflict: DraftConflict['current']) => ({
  ...conflict,
  updatedAt: conflict.updatedAt.toISOString(),
})

/**
 * The module editor's forms (ADR 021). The main form posts every language's text with each of its
 * buttons, so whatever the button does (save, publish, mark a translation up to date) acts on what the
 * author sees: the changed texts are saved first. Whoever does not edit the course gets 404.
 */
export async function runModuleEditorAction(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const { course = '', module: moduleSlug = '' } = args.params
  const moduleId = await findModuleId({ courseSlug: course, moduleSlug })
  invariantResponse(moduleId, 'Not found', { status: 404 })
  const formData = await readForm(args.request)
  const back = (query: Record<string, string | number>) =>
    redirect(
      href(args.context.locale, '/studio/courses/:course/modules/:module', { course, module: moduleSlug, query }),
    )
  try {
    const command = EditorCommandSchema.safeParse(Object.fromEntries(formData))
    if (command.success) {
      if (command.data.intent === 'discard') {
        await discardDraft({ moduleId, userId: user.id })
        return back({ discarded: 1 })
      }
      const restored = await restoreRevision({ moduleId, revisionId: command.data.revision, userId: user.id })
      return back({ restored: restored.revision })
    }
    const form = readEditorForm(formData)
    invariantResponse(form.success, 'common:errors.unknownForm', { status: 400 })
    const { intent, texts, note } = form.data
    const refused = (status: 400 | 409, answer: Partial<ModuleEditorActionData>) =>
      data({ refused: 'save', texts, problems: [], conflicts: [], ...answer } satisfies ModuleEditorActionData, {
        status,
      })
    let saved
    try {
      saved = await saveEditedTexts({ moduleId, userId: user.id, texts })
    } catch (error) {
      const problems = saveProblems(error)
      if (!problems) throw error
      return refused(400, { problems })
    }
    // The texts now carry the versions they were saved at; a conflicted language, the other author's
    // version, so saving again replaces their text knowingly.
    const keptTexts = Object.fromEntries(
      Object.entries(texts).map(([locale, text]) => {
        const conflict = saved.conflicts.find((each) => each.locale === locale)
        return [locale, { ...text, version: conflict?.version ?? saved.versions[locale as Locale] }]
      }),
    ) as Record<Locale, EditedText>
    if (saved.conflicts.length > 0)
      return data(
        {
          refused: 'save',
          texts: keptTexts,
          problems: [],
          conflicts: saved.conflicts.map(conflictView),
        } satisfies ModuleEditorActionData,
        { status: 409 },
      )
    if (intent === 'save') return back({ saved: 1 })
    if (intent === 'publish') {
      try {
        const { revision } = await publishModule({ moduleId, userId: user.id, note })
        return back({ published: revision.number })
      } catch (error) {
        const problems = saveProblems(error)
        if (!problems) throw error
        return data(
          { refused: 'publish', texts: keptTexts, problems, conflicts: [] } satisfies ModuleEditorActionData,
          { status: 400 },
        )
      }
    }
    const [, locale, field] = intent.split(':') as [string, Locale, Field]
    await markUpToDate({ moduleId, locale, field, userId: user.id })
    return back({ marked: `${locale}.${field}` })
  } catch (error) {
    if (error instanceof ModuleNotFound || error instanceof RevisionNotFound)
      throw new Response('Not found', { status: 404 })
    throw error
  }
}
