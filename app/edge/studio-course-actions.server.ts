import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { href } from '~/i18n/href'
import { AddEditorSchema, RemoveEditorSchema, UpdateCourseSchema } from '~/modules/studio/course.schema'
import { updateCourseMetadata } from '~/modules/studio/courses.server'
import { addCourseEditor, removeCourseEditor, type AddEditorResult } from '~/modules/studio/editors.server'
import { invariantResponse } from '~/utils/http'
import { requirePermissionOrNotFound } from './guard.server'
import { runAddModule, runModuleRow } from './studio-module-actions.server'
import { readForm } from './request-form.server'

export interface StudioCourseActionData {
  /** Which form `result` answers: each form shows only its own errors and values. */
  form: 'update' | 'add-editor' | 'add-module'
  result: SubmissionResult<string[]>
}

const EDITOR_ERRORS: Record<Exclude<AddEditorResult, 'added' | 'course-not-found'>, string> = {
  'unknown-email': 'editors.unknownEmail',
  'not-an-author': 'editors.notAnAuthor',
  'already-editor': 'editors.alreadyEditor',
}

const refused = (answer: StudioCourseActionData) => data(answer, { status: 400 })

/**
 * The studio course page's forms, told apart by their `intent`. Whoever may not make a change gets
 * the 404 of a page that is not there: a learner or coordinator for every form (checked first), an
 * author who is not the course's editor for its changes (the update finds no course it may write),
 * an author who is not an admin for the editors.
 */
export async function runStudioCourseAction(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const slug = args.params.course ?? ''
  const { locale } = args.context
  const formData = await readForm(args.request)
  const back = (query: Record<string, string>) =>
    redirect(href(locale, '/studio/courses/:course', { course: slug, query }))
  switch (formData.get('intent')) {
    case 'update': {
      const submission = parseWithZod(formData, { schema: UpdateCourseSchema })
      if (submission.status !== 'success') return refused({ form: 'update', result: submission.reply() })
      const outcome = await updateCourseMetadata({ userId: user.id, slug, input: submission.value })
      invariantResponse(outcome === 'updated', 'Not found', { status: 404 })
      return back({ saved: '1' })
    }
    case 'add-editor': {
      const admin = requirePermissionOrNotFound(args, 'manage:course-editors')
      const submission = parseWithZod(formData, { schema: AddEditorSchema })
      if (submission.status !== 'success') return refused({ form: 'add-editor', result: submission.reply() })
      const outcome = await addCourseEditor({ actorId: admin.id, courseSlug: slug, email: submission.value.email })
      invariantResponse(outcome !== 'course-not-found', 'Not found', { status: 404 })
      if (outcome !== 'added')
        return refused({
          form: 'add-editor',
          result: submission.reply({ fieldErrors: { email: [EDITOR_ERRORS[outcome]] } }),
        })
      return back({ added: submission.value.email })
    }
    case 'remove-editor': {
      const admin = requirePermissionOrNotFound(args, 'manage:course-editors')
      const parsed = RemoveEditorSchema.safeParse(Object.fromEntries(formData))
      invariantResponse(parsed.success, 'common:errors.unknownForm', { status: 400 })
      const outcome = await removeCourseEditor({ actorId: admin.id, courseSlug: slug, userId: parsed.data.userId })
      invariantResponse(outcome === 'removed', 'Not found', { status: 404 })
      return back({ removed: '1' })
    }
    case 'add-module':
      return runAddModule({ userId: user.id, slug, formData, back })
    case 'move-up':
    case 'move-down':
    case 'archive-module':
    case 'restore-module':
      return runModuleRow({ userId: user.id, slug, formData, back })
    default:
      throw new Response('common:errors.unknownForm', { status: 400 })
  }
}
