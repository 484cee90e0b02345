import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { href } from '~/i18n/href'
import { deleteCourseMedia, uploadCourseMedia, type MediaProblem } from '~/modules/studio/media.server'
import type { MediaUse } from '~/modules/studio/media-uses.server'
import { MAX_MEDIA_BYTES, MediaDeleteSchema, MediaUploadSchema } from '~/modules/studio/media.schema'
import { isCourseEditor } from '~/modules/studio/editors.server'
import { invariantResponse } from '~/utils/http'
import { requirePermissionOrNotFound } from './guard.server'
import { readFormOrUpload } from './request-form.server'

export type StudioMediaActionData =
  { form: 'upload'; result: SubmissionResult<string[]> } | { form: 'delete'; name: string; modules: MediaUse[] }

/** An upload's problem as the key of its message (`studio:media.problem.…`). */
const problemKey = (problem: MediaProblem, kind: string | undefined) =>
  problem === 'typeMismatch' ? `media.problem.typeMismatch.${kind ?? 'svg'}` : `media.problem.${problem}`

/**
 * The media page's forms: an upload (multipart, read through a size-checked handler, so a file over
 * the limit is never held whole) and a delete. Learners, coordinators and visitors get the 404 first;
 * an author who is not the course's editor gets it before the file is read, and again from the
 * write's own query.
 */
export async function runStudioMediaAction(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const slug = args.params.course ?? ''
  const { locale } = args.context
  invariantResponse(await isCourseEditor({ courseSlug: slug, userId: user.id }), 'Not found', { status: 404 })
  const back = (query: Record<string, string>) =>
    redirect(href(locale, '/studio/courses/:course/media', { course: slug, query }))

  const form = await readFormOrUpload(args.request, { maxPartSize: MAX_MEDIA_BYTES })
  if (form === 'too-large') {
    const result: SubmissionResult<string[]> = { status: 'error', error: { file: ['media.fileTooLarge'] } }
    // The rest of the file was not read, so this connection cannot carry another request.
    return data<StudioMediaActionData>({ form: 'upload', result }, { status: 413, headers: { Connection: 'close' } })
  }
  switch (form.get('intent')) {
    case 'upload':
      return upload({ form, userId: user.id, slug, back })
    case 'delete':
      return remove({ form, userId: user.id, slug, back })
    default:
      throw new Response('common:errors.unknownForm', { status: 400 })
  }
}

interface FormArgs {
  form: FormData
  userId: string
  slug: string
  back: (query: Record<string, string>) => Response
}

async function upload({ form, userId, slug, back }: FormArgs) {
  const submission = parseWithZod(form, { schema: MediaUploadSchema })
  if (submission.status !== 'success')
    return data<StudioMediaActionData>({ form: 'upload', result: submission.reply() }, { status: 400 })
  const { file, ...input } = submission.value
  const outcome = await uploadCourseMedia({
    actorId: userId,
    courseSlug: slug,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    input,
  })
  invariantResponse(outcome.status !== 'not-found', 'Not found', { status: 404 })
  if (outcome.status === 'uploaded') return back({ uploaded: outcome.name })
  const fieldErrors =
    outcome.status === 'name-taken'
      ? { name: ['media.nameTaken'] }
      : { [outcome.field]: outcome.problems.map((problem) => problemKey(problem, outcome.kind)) }
  return data<StudioMediaActionData>(
    { form: 'upload', result: submission.reply({ fieldErrors }) },
    { status: outcome.status === 'name-taken' ? 409 : 400 },
  )
}

async function remove({ form, userId, slug, back }: FormArgs) {
  const parsed = MediaDeleteSchema.safeParse(Object.fromEntries(form))
  invariantResponse(parsed.success, 'common:errors.unknownForm', { status: 400 })
  const outcome = await deleteCourseMedia({ actorId: userId, courseSlug: slug, name: parsed.data.name })
  invariantResponse(outcome.status !== 'not-found', 'Not found', { status: 404 })
  if (outcome.status === 'in-use')
    return data<StudioMediaActionData>(
      { form: 'delete', name: parsed.data.name, modules: outcome.modules },
      { status: 409 },
    )
  return back({ deleted: parsed.data.name })
}
