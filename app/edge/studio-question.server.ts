import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { getPrisma } from '~/utils/db.server'
import { QuestionSlugTaken, QuizDraftConflict, QuizNotFound } from '~/modules/studio/errors'
import {
  QUESTION_TYPES,
  QuestionFormSchema,
  blankQuestionForm,
  suggestSlug,
  toQuestion,
  toQuestionForm,
  type QuestionTypeName,
} from '~/modules/studio/question.schema'
import { questionStatus } from '~/modules/studio/question-texts'
import { courseQuestionSlugs, openQuizDraft } from '~/modules/studio/quiz-drafts.server'
import { saveQuestion } from '~/modules/studio/quiz-questions.server'
import { quizHref, quizRefFromParams } from '~/modules/studio/quiz-ref'
import { invariantResponse } from '~/utils/http'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { requirePermissionOrNotFound } from './guard.server'
import { readForm } from './request-form.server'
import { regradeCountsBySlug } from './studio-quiz.server'

// The question editor (ADR 025): one form with the question's structure once and its texts side by
// side per language. `:question` is a slug of the quiz's draft, or `new` with `?type=`.

const NEW = 'new'

function newType(request: Request): QuestionTypeName | null {
  const type = new URL(request.url).searchParams.get('type')
  return QUESTION_TYPES.find((known) => known === type) ?? null
}

export async function loadStudioQuestion(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const ref = quizRefFromParams(args.params)
  const slug = args.params.question ?? ''
  const draft = await openQuizDraft({ ref, userId: user.id })
  invariantResponse(draft, 'Not found', { status: 404 })
  const { ctx, document } = draft
  const t = getServerT(args.context.locale, 'studio')
  const base = {
    title: t('question.metaTitle', { slug, course: localizedName(ctx.courseTitle, args.context.locale) }),
    ref,
    course: { slug: ctx.courseSlug, title: ctx.courseTitle },
    module: ctx.moduleSlug ? { slug: ctx.moduleSlug, title: ctx.moduleTitle ?? {} } : null,
    modules: ctx.modules,
    canEdit: ctx.canEdit,
  }
  if (slug === NEW) {
    const type = newType(args.request)
    // Only an editor adds questions; to anyone else a new question's page does not exist.
    invariantResponse(type && ctx.canEdit, 'Not found', { status: 404 })
    return {
      ...base,
      isNew: true,
      toRegrade: 0,
      type,
      slug: null,
      retired: false,
      statuses: [],
      defaultValue: blankQuestionForm(type),
    }
  }
  const question = document.questions.find((candidate) => candidate.slug === slug)
  invariantResponse(question, 'Not found', { status: 404 })
  const toRegrade = ctx.publishedId ? ((await regradeCountsBySlug(ctx.publishedId, slug)).get(slug) ?? 0) : 0
  return {
    toRegrade,
    ...base,
    isNew: false,
    type: question.type,
    slug: question.slug,
    retired: question.retired === true,
    statuses: questionStatus(question, document.confirmed[question.slug] ?? {}),
    defaultValue: toQuestionForm(question, document.versions[question.slug] ?? 0),
  }
}

/** The editor's refused form: Conform's reply (the author's input kept), and the other author's version on a 409. */
export interface StudioQuestionActionData {
  result: SubmissionResult<string[]>
  conflict?: { version: number; updatedBy: string | null; updatedAt: string }
}

export async function runStudioQuestionAction(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const ref = quizRefFromParams(args.params)
  const isNew = args.params.question === NEW
  const formData = await readForm(args.request)
  const submission = parseQuestionForm(formData)
  // Adding or removing an option, pair or item: the form comes back with the list changed, nothing saved.
  if (submission.status === undefined) return data({ result: submission.reply() } satisfies StudioQuestionActionData)
  const refuse = (errors: Record<string, string[]>, status = 400) =>
    data({ result: submission.reply({ fieldErrors: errors }) } satisfies StudioQuestionActionData, { status })
  if (submission.status !== 'success')
    return data({ result: submission.reply() } satisfies StudioQuestionActionData, { status: 400 })
  const form = submission.value
  const draft = await openQuizDraft({ ref, userId: user.id })
  if (!draft?.ctx.canEdit) throw new Response('Not found', { status: 404 })
  const { ctx } = draft
  if (ref.module === null && form.module !== undefined && !ctx.modules.some((m) => m.slug === form.module))
    return refuse({ module: ['question.moduleInvalid'] })
  let slug = args.params.question ?? ''
  if (isNew)
    slug =
      form.slug ??
      suggestSlug(form.prompt, await getPrisma().$transaction((tx) => courseQuestionSlugs(tx, ctx.courseId)))
  const question = toQuestion({ ...form, module: ref.module === null ? form.module : undefined }, slug)
  if (!question) return data({ result: submission.reply({ formErrors: ['question.invalid'] }) }, { status: 400 })
  const confirm = formData.get('intent') === 'confirm'
  try {
    await saveQuestion({ ref, userId: user.id, question, version: isNew ? 0 : form.version, isNew, confirm })
  } catch (error) {
    if (error instanceof QuizNotFound) throw new Response('Not found', { status: 404 })
    if (error instanceof QuestionSlugTaken) return refuse({ slug: ['question.slugTaken'] })
    if (!(error instanceof QuizDraftConflict)) throw error
    const { version, updatedBy, updatedAt } = error.current
    return data(
      {
        result: submission.reply({ formErrors: ['question.conflict'] }),
        conflict: { version, updatedBy, updatedAt: updatedAt.toISOString() },
      } satisfies StudioQuestionActionData,
      { status: 409 },
    )
  }
  const query = new URLSearchParams({ [isNew ? 'added' : confirm ? 'confirmed' : 'saved']: '1' })
  return redirect(`${quizHref(args.context.locale, ref, `/questions/${encodeURIComponent(slug)}`)}?${query}`)
}

/** The posted form; a list intent (`__intent__`) that is not Conform's own JSON is a bad request, not a crash. */
function parseQuestionForm(formData: FormData) {
  try {
    return parseWithZod(formData, { schema: QuestionFormSchema })
  } catch {
    throw new Response('common:errors.unknownForm', { status: 400 })
  }
}
