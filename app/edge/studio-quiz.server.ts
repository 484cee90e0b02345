import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from '~/utils/zod'
import { QuizDraftConflict, QuizNotFound, QuizPublishRefused, type QuizProblem } from '~/modules/studio/errors'
import { QUESTION_TYPES, quizSettingsFormSchema } from '~/modules/studio/question.schema'
import { questionCompleteness, questionStatus } from '~/modules/studio/question-texts'
import { draftDiffers } from '~/modules/studio/quiz-draft'
import { openQuizDraft } from '~/modules/studio/quiz-drafts.server'
import { quizPublishProblems, publishQuizDraft } from '~/modules/studio/quiz-publish.server'
import {
  discardQuizDraft,
  duplicateQuestion,
  moveQuestion,
  saveQuizSettings,
  setQuestionRetired,
} from '~/modules/studio/quiz-questions.server'
import { quizHref, quizRefFromParams, type QuizRef } from '~/modules/studio/quiz-ref'
import { listQuizRevisions } from '~/modules/studio/quiz-revisions.server'
import { invariantResponse } from '~/utils/http'
import { getPrisma } from '~/utils/db.server'
import { countRegradeCandidates } from '~/modules/studio/regrade-versions.server'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { requirePermissionOrNotFound } from './guard.server'
import { readForm } from './request-form.server'

// The quiz page of the studio (ADR 025), for a module's quiz and for the final exam alike: settings,
// the question list with each language's state, publishing. Anyone without `author:courses` gets 404;
// every write is checked against the course's editors in its own query.

export async function loadStudioQuiz(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const ref = quizRefFromParams(args.params)
  const draft = await openQuizDraft({ ref, userId: user.id })
  invariantResponse(draft, 'Not found', { status: 404 })
  const { ctx, document } = draft
  const publishedSlugs = new Set(ctx.published?.questions.map((question) => question.slug))
  const toRegrade = ctx.publishedId ? await regradeCountsBySlug(ctx.publishedId) : new Map<string, number>()
  const t = getServerT(args.context.locale, 'studio')
  const title = ctx.moduleTitle
    ? t('quiz.moduleQuizTitle', { module: localizedName(ctx.moduleTitle, args.context.locale) })
    : t('quiz.examTitle', { course: localizedName(ctx.courseTitle, args.context.locale) })
  return {
    title,
    ref,
    course: { slug: ctx.courseSlug, title: ctx.courseTitle },
    module: ctx.moduleSlug ? { slug: ctx.moduleSlug, title: ctx.moduleTitle ?? {} } : null,
    modules: ctx.modules,
    canEdit: ctx.canEdit,
    published: ctx.published !== null,
    differs: draftDiffers(document, ctx.published),
    settings: document.settings,
    settingsVersion: document.versions.settings ?? 0,
    updatedAt: draft.updatedAt?.toISOString() ?? null,
    updatedBy: draft.updatedBy,
    questions: document.questions.map((question) => ({
      slug: question.slug,
      type: question.type,
      points: question.points,
      prompt: question.prompt,
      module: question.module ?? null,
      retired: question.retired === true,
      published: publishedSlugs.has(question.slug),
      /** Finished attempts scored with an older key or points of this question (ADR 028). */
      toRegrade: toRegrade.get(question.slug) ?? 0,
      languages: questionCompleteness(questionStatus(question, document.confirmed[question.slug] ?? {})),
    })),
    problems: quizPublishProblems(document, ctx),
    revisions: ctx.publishedId ? await listQuizRevisions({ quizId: ctx.publishedId }) : [],
  }
}

/**
 * Per question slug of a published quiz (or only `slug`, for one question's page), the finished attempts
 * that a regrade would change: the count reads the attempts' frozen copies, so ask only for what is shown.
 */
export async function regradeCountsBySlug(quizId: string, slug?: string) {
  const rows = await getPrisma().question.findMany({
    where: { quizId, ...(slug ? { slug } : {}) },
    select: { id: true, slug: true },
  })
  const counts = await countRegradeCandidates({ questionIds: rows.map((row) => row.id) })
  return new Map(rows.map((row) => [row.slug, counts.get(row.id) ?? 0]))
}

const slugField = z.string().min(1).max(120)
const QuizCommandSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), type: z.enum(QUESTION_TYPES) }),
  z.object({ intent: z.enum(['duplicate', 'up', 'down', 'retire', 'restore']), question: slugField }),
  z.object({ intent: z.literal('publish'), note: z.string().trim().max(500).optional() }),
  z.object({ intent: z.literal('discard') }),
])

/** What the quiz page shows after a refused form: the settings form's reply, or publishing's problems. */
export type StudioQuizActionData =
  | { form: 'settings'; result: SubmissionResult<string[]>; conflict?: { version: number } }
  | { form: 'publish'; problems: QuizProblem[] }

export async function runStudioQuizAction(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const ref = quizRefFromParams(args.params)
  const formData = await readForm(args.request)
  const { locale } = args.context
  const back = (query: Record<string, string | number>) =>
    redirect(`${quizHref(locale, ref)}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`)
  const actor = { ref, userId: user.id }
  try {
    if (formData.get('intent') === 'settings') return await runSettings(actor, formData, back)
    const command = QuizCommandSchema.safeParse(Object.fromEntries(formData))
    invariantResponse(command.success, 'common:errors.unknownForm', { status: 400 })
    const value = command.data
    switch (value.intent) {
      case 'add':
        return redirect(`${quizHref(locale, ref, '/questions/new')}?type=${value.type}`)
      case 'duplicate': {
        const { copySlug } = await duplicateQuestion({ ...actor, slug: value.question })
        return back({ duplicated: copySlug })
      }
      case 'up':
      case 'down':
        await moveQuestion({ ...actor, slug: value.question, direction: value.intent })
        return back({ moved: value.question })
      case 'retire':
      case 'restore':
        await setQuestionRetired({ ...actor, slug: value.question, retired: value.intent === 'retire' })
        return back({ [value.intent === 'retire' ? 'retired' : 'restored']: value.question })
      case 'publish': {
        const { revision, outOfDate } = await publishQuizDraft({ ...actor, note: value.note || null })
        return back({ published: revision, ...(outOfDate.length > 0 ? { outOfDate: outOfDate.length } : {}) })
      }
      case 'discard':
        await discardQuizDraft(actor)
        return back({ discarded: 1 })
    }
  } catch (error) {
    if (error instanceof QuizNotFound) throw new Response('Not found', { status: 404 })
    if (error instanceof QuizPublishRefused)
      return data({ form: 'publish', problems: error.problems } satisfies StudioQuizActionData, { status: 400 })
    throw error
  }
}

async function runSettings(
  actor: { ref: QuizRef; userId: string },
  formData: FormData,
  back: (query: Record<string, string>) => Response,
) {
  const submission = parseWithZod(formData, { schema: quizSettingsFormSchema({ exam: actor.ref.module === null }) })
  if (submission.status !== 'success')
    return data({ form: 'settings', result: submission.reply() } satisfies StudioQuizActionData, { status: 400 })
  const { version, ...form } = submission.value
  try {
    await saveQuizSettings({
      ...actor,
      version,
      settings: {
        ...form,
        // Absent on a final exam's form: the course's own is kept by the domain.
        passMark: form.passMark ?? 70,
        maxAttempts: form.maxAttempts ?? null,
        timeLimitMinutes: form.timeLimitMinutes ?? null,
        questionsPerModule: actor.ref.module ? null : (form.questionsPerModule ?? null),
      },
    })
  } catch (error) {
    if (!(error instanceof QuizDraftConflict)) throw error
    return data(
      {
        form: 'settings',
        result: submission.reply({ formErrors: ['quiz.settingsConflict'] }),
        conflict: { version: error.current.version },
      } satisfies StudioQuizActionData,
      { status: 409 },
    )
  }
  return back({ settingsSaved: '1' })
}
