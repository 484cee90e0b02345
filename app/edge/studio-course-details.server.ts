import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { changedFields, type CourseDetails } from '~/modules/studio/course-details'
import {
  confirmCourseDetails,
  courseHasFinalExam,
  discardCourseDetails,
  publishCourseDetails,
  saveCourseDetails,
} from '~/modules/studio/course-details.server'
import { DetailsActionSchema, updateCourseSchema, type DetailsField } from '~/modules/studio/course.schema'
import { DetailsConflict, DetailsPublishRefused } from '~/modules/studio/errors'
import { invariantResponse } from '~/utils/http'
import type { StudioCourseActionData } from './studio-course-actions.server'

// The details forms of the studio course page (ADR 024): save the draft, publish, discard, mark a
// translation as up to date. The caller has checked `author:courses`; whether this author edits the
// course is each write's own query ('not-found' is the outsider's 404).

interface DetailsFormArgs {
  userId: string
  slug: string
  formData: FormData
  back: (query: Record<string, string>) => Response
}

/** What the author is shown of a conflicting draft: its values where they differ from what the author has. */
export interface DetailsConflictView {
  version: number
  updatedBy: string | null
  updatedAt: Date | null
  theirs: CourseDetails
  differs: DetailsField[]
}

const conflictView = ({ current }: DetailsConflict, mine: CourseDetails | null): DetailsConflictView => ({
  version: current.version,
  updatedBy: current.updatedBy,
  updatedAt: current.updatedAt,
  theirs: current.details,
  differs: mine ? changedFields(mine, current.details) : [],
})

export async function runSaveDetails({ userId, slug, formData, back }: DetailsFormArgs) {
  // The form asks for a pass mark only when the course has a final exam: the schema follows the course.
  const finalExam = await courseHasFinalExam({ slug })
  invariantResponse(finalExam !== null, 'Not found', { status: 404 })
  const submission = parseWithZod(formData, { schema: updateCourseSchema({ finalExam }) })
  if (submission.status !== 'success')
    return data({ form: 'update', result: submission.reply() } satisfies StudioCourseActionData, { status: 400 })
  const { version, intent: _intent, ...input } = submission.value
  try {
    const outcome = await saveCourseDetails({ userId, courseSlug: slug, version, input })
    invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
    return back(outcome === 'applied' ? { saved: '1' } : outcome === 'saved' ? { draftSaved: '1' } : { unchanged: '1' })
  } catch (error) {
    if (!(error instanceof DetailsConflict)) throw error
    const mine = {
      ...input,
      certificateValidityMonths: input.certificateValidityMonths ?? null,
      passMark: input.passMark ?? error.current.details.passMark,
    }
    // Their draft is shown beside the author's own input, which the form keeps; a second save replaces theirs.
    return data(
      {
        form: 'update',
        result: submission.reply({ formErrors: ['details.conflict'] }),
        conflict: conflictView(error, mine),
      } satisfies StudioCourseActionData,
      { status: 409 },
    )
  }
}

/** Publish, discard and "mark as up to date": one-button forms naming the draft version the author saw. */
export async function runDetailsAction({ userId, slug, formData, back }: DetailsFormArgs) {
  // Conform's parse, as the save's: the version arrives as text.
  const submission = parseWithZod(formData, { schema: DetailsActionSchema })
  invariantResponse(submission.status === 'success', 'common:errors.unknownForm', { status: 400 })
  const action = submission.value
  const where = { userId, courseSlug: slug, version: action.version }
  try {
    switch (action.intent) {
      case 'publish-details': {
        const outcome = await publishCourseDetails(where)
        invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
        return back(outcome === 'published' ? { detailsPublished: '1' } : { unchanged: '1' })
      }
      case 'discard-details': {
        const outcome = await discardCourseDetails(where)
        invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
        return back(outcome === 'discarded' ? { detailsDiscarded: '1' } : { unchanged: '1' })
      }
      case 'confirm-details': {
        const outcome = await confirmCourseDetails({ ...where, locale: action.locale, field: action.field })
        invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
        return back(outcome === 'confirmed' ? { confirmed: `${action.field}.${action.locale}` } : { unchanged: '1' })
      }
    }
  } catch (error) {
    if (error instanceof DetailsConflict)
      return data(
        {
          form: 'details',
          error: 'details.stale',
          conflict: conflictView(error, null),
        } satisfies StudioCourseActionData,
        { status: 409 },
      )
    if (error instanceof DetailsPublishRefused)
      return data(
        { form: 'details', error: 'details.publishRefused', fields: error.fields } satisfies StudioCourseActionData,
        { status: 400 },
      )
    throw error
  }
}
