import type { Question, QuizSettings } from '~/modules/content/package.schema'
import { QuestionSlugTaken, QuizNotFound } from './errors'
import { confirmQuestion } from './question-texts'
import type { DraftQuestion, QuizDraftDocument } from './quiz-draft'
import { changeQuizDraft, courseQuestionSlugs, requireFreeSlug } from './quiz-drafts.server'
import type { QuizRef } from './quiz-ref'

// The question list and the settings of a quiz draft (ADR 025). A question's structure and texts are
// saved together under the question's own version; list changes (add, duplicate, move, retire) need
// no version: each says exactly what it does to the list as it is now.

interface Actor {
  ref: QuizRef
  userId: string
}

const indexOf = (document: QuizDraftDocument, slug: string) => {
  const index = document.questions.findIndex((question) => question.slug === slug)
  if (index < 0) throw new QuizNotFound()
  return index
}

/** A question's texts as an author confirmed them together ("up to date"), or as they were. */
function confirmedFor(document: QuizDraftDocument, question: Question, confirm: boolean) {
  return {
    ...document.confirmed,
    [question.slug]: confirm ? confirmQuestion(question) : (document.confirmed[question.slug] ?? {}),
  }
}

/** The settings; a final exam's pass mark stays the course's (ADR 024) whatever the form says. */
export function saveQuizSettings({ version, settings, ...actor }: Actor & { version: number; settings: QuizSettings }) {
  return changeQuizDraft({ ...actor, expect: { item: 'settings', version } }, (document, ctx) => ({
    document: {
      ...document,
      settings: ctx.moduleId ? settings : { ...settings, passMark: document.settings.passMark },
    },
    action: 'studio.quiz.settings_saved',
    bump: ['settings'],
  }))
}

/**
 * A question written in the editor. A new one (`version` 0) takes a slug free in the whole course and
 * goes to the end of the list; a new question's texts start confirmed, since one author wrote both.
 * `confirm`: the author says every language says the same ("mark as up to date").
 */
export function saveQuestion({
  question,
  version,
  isNew,
  confirm,
  ...actor
}: Actor & { question: Question; version: number; isNew: boolean; confirm: boolean }) {
  return changeQuizDraft({ ...actor, expect: { item: question.slug, version } }, async (document, ctx, tx) => {
    if (isNew) {
      await requireFreeSlug(tx, ctx.courseId, question.slug)
      return {
        document: {
          ...document,
          questions: [...document.questions, question],
          confirmed: confirmedFor(document, question, true),
        },
        action: 'studio.question.added',
        details: { question: question.slug },
        bump: [question.slug],
      }
    }
    const index = indexOf(document, question.slug)
    const current = document.questions[index]!
    if (current.type !== question.type) throw new QuizNotFound()
    const questions = document.questions.map((q, i): DraftQuestion =>
      i === index ? { ...question, ...(current.retired ? { retired: true } : {}) } : q,
    )
    return {
      document: { ...document, questions, confirmed: confirmedFor(document, question, confirm) },
      action: confirm ? 'studio.question.confirmed' : 'studio.question.saved',
      details: { question: question.slug },
      bump: [question.slug],
    }
  })
}

/** A copy right after the original, under a free slug (`<slug>-copy`, `<slug>-copy-2`, …), texts as confirmed. */
export function duplicateQuestion({ slug, ...actor }: Actor & { slug: string }) {
  return changeQuizDraft(actor, async (document, ctx, tx) => {
    const index = indexOf(document, slug)
    const taken = await courseQuestionSlugs(tx, ctx.courseId)
    let copySlug = `${slug.slice(0, 50)}-copy`
    for (let n = 2; taken.has(copySlug); n++) copySlug = `${slug.slice(0, 50)}-copy-${n}`
    const { retired: _retired, ...original } = document.questions[index]!
    const copy = { ...original, slug: copySlug } as DraftQuestion
    const questions = [...document.questions]
    questions.splice(index + 1, 0, copy)
    return {
      document: {
        ...document,
        questions,
        confirmed: { ...document.confirmed, [copySlug]: document.confirmed[slug] ?? {} },
      },
      action: 'studio.question.duplicated',
      details: { question: slug, copy: copySlug },
      bump: [copySlug],
      copySlug,
    }
  })
}

/** One place up or down the list; at either end nothing moves. */
export function moveQuestion({ slug, direction, ...actor }: Actor & { slug: string; direction: 'up' | 'down' }) {
  return changeQuizDraft(actor, (document) => {
    const index = indexOf(document, slug)
    const target = direction === 'up' ? index - 1 : index + 1
    const questions = [...document.questions]
    if (target >= 0 && target < questions.length)
      [questions[index], questions[target]] = [questions[target]!, questions[index]!]
    return {
      document: { ...document, questions },
      action: 'studio.question.moved',
      details: { question: slug, direction },
      bump: [],
    }
  })
}

/**
 * Retiring takes a question out of new attempts at the next publish (its row is archived then, so past
 * attempts keep it); restoring puts it back.
 */
export function setQuestionRetired({ slug, retired, ...actor }: Actor & { slug: string; retired: boolean }) {
  return changeQuizDraft(actor, (document) => {
    const index = indexOf(document, slug)
    const questions = document.questions.map((question, i): DraftQuestion => {
      if (i !== index) return question
      const { retired: _was, ...rest } = question
      return retired ? { ...rest, retired: true } : (rest as DraftQuestion)
    })
    return {
      document: { ...document, questions },
      action: retired ? 'studio.question.retired' : 'studio.question.restored',
      details: { question: slug },
      bump: [slug],
    }
  })
}

/** Puts the published quiz back into the draft; every item's version moves on, so open editors notice. */
export function discardQuizDraft(actor: Actor) {
  return changeQuizDraft(actor, (document, ctx) => {
    const published = ctx.published
    const questions = published?.questions ?? []
    return {
      document: {
        settings: published ? { ...document.settings, ...withoutQuestions(published) } : document.settings,
        questions,
        confirmed: Object.fromEntries(questions.map((question) => [question.slug, confirmQuestion(question)])),
      },
      action: 'studio.quiz.discarded',
      bump: ['settings', ...document.questions.map((question) => question.slug), ...questions.map((q) => q.slug)],
    }
  })
}

const withoutQuestions = ({ questions: _questions, ...settings }: { questions: unknown } & QuizSettings) => settings

export { QuestionSlugTaken }
