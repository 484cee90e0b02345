import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { AddModuleSchema, ModuleRowSchema } from '~/modules/studio/module.schema'
import { addModule, moveModule, setModuleArchived } from '~/modules/studio/modules.server'
import { invariantResponse } from '~/utils/http'
import type { StudioCourseActionData } from './studio-course-actions.server'

// The module list's forms on the studio course page (ADR 020). The caller has checked `author:courses`;
// whether this author edits the course is each write's own query: 'not-found' is the outsider's 404.

interface ModuleFormArgs {
  userId: string
  slug: string
  formData: FormData
  back: (query: Record<string, string>) => Response
}

export async function runAddModule({ userId, slug, formData, back }: ModuleFormArgs) {
  const submission = parseWithZod(formData, { schema: AddModuleSchema })
  if (submission.status !== 'success')
    return data({ form: 'add-module', result: submission.reply() } satisfies StudioCourseActionData, { status: 400 })
  const outcome = await addModule({ actorId: userId, courseSlug: slug, input: submission.value })
  invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
  if (outcome === 'slug-taken')
    return data(
      {
        form: 'add-module',
        result: submission.reply({ fieldErrors: { slug: ['module.slugTaken'] } }),
      } satisfies StudioCourseActionData,
      { status: 400 },
    )
  return back({ moduleAdded: submission.value.slug })
}

export async function runModuleRow({ userId, slug, formData, back }: ModuleFormArgs) {
  const parsed = ModuleRowSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(parsed.success, 'common:errors.unknownForm', { status: 400 })
  const { intent, module } = parsed.data
  const where = { actorId: userId, courseSlug: slug, moduleSlug: module }
  if (intent === 'move-up' || intent === 'move-down') {
    const outcome = await moveModule({ ...where, direction: intent === 'move-up' ? 'up' : 'down' })
    invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
    return back({ moved: module })
  }
  const outcome = await setModuleArchived({ ...where, archived: intent === 'archive-module' })
  invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
  invariantResponse(outcome !== 'never-published', 'studio:module.neverPublished', { status: 400 })
  return back(intent === 'archive-module' ? { archived: module } : { restored: module })
}
