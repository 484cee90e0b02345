import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from '~/utils/zod'
import { getServerT } from '~/i18n/i18n.server'
import type { Locale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import { readAttemptForm } from '~/modules/quiz/answer-form'
import { drawQuestions, isDrawOf, type FrozenQuestion } from '~/modules/quiz/draw'
import { fromPublicAnswer, toPublicQuestion } from '~/modules/quiz/public-question'
import { reviewItem } from '~/modules/quiz/review'
import type { Question } from '~/modules/content/package.schema'
import { openQuizDraft } from '~/modules/studio/quiz-drafts.server'
import { quizRefFromParams } from '~/modules/studio/quiz-ref'
import { invariantResponse } from '~/utils/http'
import { requirePermissionOrNotFound } from './guard.server'
import { readForm } from './request-form.server'

// "Preview a question" (issue 15, ADR 025): the draft's question drawn as an attempt would draw it,
// shown with the learner's own form, answered and scored by the learner's own scoring, in either
// language (`?lang`… the page's), without an attempt, progress or audit. Any author may look.

/** The part order and generated numbers of this preview, carried by the form so the answer meets the same draw. */
const DrawSchema = z.object({
  order: z.array(z.string().max(60)).max(50).nullable(),
  generated: z.array(z.string().max(20)).max(10).nullable(),
})

async function previewedQuestion(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const draft = await openQuizDraft({ ref: quizRefFromParams(args.params), userId: user.id })
  const question = draft?.document.questions.find((candidate) => candidate.slug === args.params.question)
  invariantResponse(draft && question, 'Not found', { status: 404 })
  return { draft, question: question as Question }
}

function freeze(question: Question, drawn: z.infer<typeof DrawSchema>): FrozenQuestion {
  return { questionId: question.slug, points: question.points, definition: question, ...drawn }
}

function pageData(
  args: LoaderFunctionArgs,
  { draft, question }: Awaited<ReturnType<typeof previewedQuestion>>,
  frozen: FrozenQuestion,
) {
  const locale: Locale = args.context.locale
  return {
    title: getServerT(locale, 'studio')('preview.questionTitle', { slug: question.slug }),
    ref: draft.ctx.moduleSlug
      ? { course: draft.ctx.courseSlug, module: draft.ctx.moduleSlug }
      : { course: draft.ctx.courseSlug, module: null },
    courseTitle: localizedName(draft.ctx.courseTitle, locale),
    slug: question.slug,
    question: toPublicQuestion(frozen, locale),
    draw: JSON.stringify({ order: frozen.order, generated: frozen.generated }),
  }
}

export async function loadQuestionPreview(args: LoaderFunctionArgs) {
  const found = await previewedQuestion(args)
  const [drawn] = drawQuestions({
    pool: [{ id: found.question.slug, question: found.question }],
    count: 1,
    shuffleQuestions: false,
    shuffleOptions: found.draft.document.settings.shuffleOptions,
    random: Math.random,
  })
  return { ...pageData(args, found, freeze(found.question, drawn!)), review: null }
}

/** Scores the answer as a submitted attempt would, and shows it as the review would. */
export async function runQuestionPreview(args: ActionFunctionArgs) {
  const found = await previewedQuestion(args)
  const form = await readForm(args.request)
  const drawn = DrawSchema.safeParse(parseJson(String(form.get('draw') ?? '')))
  const answers = readAttemptForm(form)
  const fits = drawn.success && isDrawOf(found.question, drawn.data)
  invariantResponse(fits && answers.ok, 'common:errors.unknownForm', { status: 400 })
  const frozen = freeze(found.question, drawn.data)
  const given = answers.answers.find((answer) => answer.position === 0)?.answer ?? {}
  const review = reviewItem(frozen, fromPublicAnswer(frozen, given), args.context.locale)
  return data({ ...pageData(args, found, frozen), review })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
