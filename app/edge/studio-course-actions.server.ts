import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { href } from '~/i18n/href'
import type { DetailsField } from '~/modules/studio/course.schema'
import { AddEditorSchema, RemoveEditorSchema } from '~/modules/studio/course.schema'
import { addCourseEditor, removeCourseEditor, type AddEditorResult } from '~/modules/studio/editors.server'
import { invariantResponse } from '~/utils/http'
import { publishCourse } from '~/modules/studio/course-publish.server'
import type { QuizProblem } from '~/modules/studio/errors'
import { requirePermissionOrNotFound } from './guard.server'
import { runDetailsAction, runSaveDetails, type DetailsConflictView } from './studio-course-details.server'
import { runAddModule, runModuleRow } from './studio-module-actions.server'
import { readForm } from './request-form.server'

export type StudioCourseActionData =
  | {
      /** Which form `result` answers: each form shows only its own errors and values. */
      form: 'update' | 'add-editor' | 'add-module'
      result: SubmissionResult<string[]>
      /** A details save that someone else's save came before (409). */
      conflict?: DetailsConflictView
    }
  | {
      /** Publish, discard or "mark as up to date" refused: stale (409), or a publish the package rules refuse (400). */
      form: 'details'
      error: 'details.stale' | 'details.publishRefused'
      conflict?: DetailsConflictView
      fields?: DetailsField[]
    }
  | {
      /** "Publish the course" refused: what a package of it would fail on (ADR 025). */
      form: 'publish-course'
      problems: QuizProblem[]
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
 * author who is not the course's editor for its changes (the write finds no course it may write),
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
    case 'update':
      return runSaveDetails({ userId: user.id, slug, formData, back })
    case 'publish-details':
    case 'discard-details':
    case 'confirm-details':
      return runDetailsAction({ userId: user.id, slug, formData, back })
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
    case 'publish-course': {
      const outcome = await publishCourse({ courseSlug: slug, userId: user.id })
      invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
      if (typeof outcome === 'object') return refused({ form: 'publish-course', problems: outcome.problems })
      return back({ coursePublished: '1' })
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
