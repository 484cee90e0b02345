import type { Locale } from '~/i18n/config'
import type { ProblemCode, ProblemParams } from '~/modules/content/problems'
import type { CourseDetails } from './course-details'
import type { DetailsField } from './course.schema'
import type { StructureChange } from './structure-overwrites'
import type { Field } from './translation-status'

// Named failures of the studio's domain; the routes map them to 404 / 409 / 400 in the author's language.

/** No such module, or not one this user may change (the same answer: existence is not disclosed). */
export class ModuleNotFound extends Error {}
export class RevisionNotFound extends Error {}

/** Someone saved this language's draft since the author opened it; `current` is their text. */
export class DraftConflict extends Error {
  constructor(
    readonly current: {
      locale: Locale
      title: string
      markdown: string
      version: number
      /** Who saved it (display name), null when unknown. */
      updatedBy: string | null
      updatedAt: Date
    },
  ) {
    super(`the ${current.locale} draft changed since it was opened (now version ${current.version})`)
  }
}

export class DraftTooLarge extends Error {
  constructor(readonly detail: { field: Field; locale: Locale; limit: number; size: number }) {
    super(`the ${detail.locale} ${detail.field} is ${detail.size} long; the limit is ${detail.limit}`)
  }
}

/** One thing wrong with a field of a draft, as a code the editor translates and shows next to the field. */
export interface FieldProblem {
  field: Field
  locale: Locale
  code: ProblemCode
  params: ProblemParams
}

/** Raw HTML or a link the sanitiser would strip: refused at save, so a draft never holds what learners could not get. */
export class UnsafeMarkdown extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`unsafe Markdown: ${problems.map((problem) => problem.code).join(', ')}`)
  }
}

/** What `courses:validate --strict` would say about the draft. */
export class PublishRefused extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`the draft cannot be published: ${problems.map((p) => `${p.locale} ${p.field} ${p.code}`).join(', ')}`)
  }
}

/**
 * Studio work that an import would overwrite (ADR 019, "Importer"; ADR 023; ADR 024): a course, one
 * module's text, a file, or one module's place in the module list.
 */
export type StudioOverwrite =
  /** Created in the studio, never imported (its details are the studio's). */
  | { course: string; module: null; kind: 'course'; locales: [] }
  /**
   * Learners read a module revision published in the studio: the languages the package changes, and
   * the revision with its author's display name (an id if deleted).
   */
  | {
      course: string
      module: string
      kind: 'published'
      locales: Locale[]
      revision: { number: number; publishedAt: Date; publishedBy: string }
    }
  /** A module's unpublished edits, in these languages. */
  | { course: string; module: string; kind: 'draft'; locales: Locale[] }
  /** A file uploaded in the studio that the package lacks or has with other bytes (ADR 023). */
  | { course: string; module: null; kind: 'media'; media: string; locales: [] }
  /** The module list's order, minutes or archiving as changed in the studio since the last import. */
  | { course: string; module: string; kind: 'structure'; changes: StructureChange[] }
  /**
   * The course's details were last published in the studio (who, when: a display name, an id if
   * deleted); `fields` are those the package changes.
   */
  | {
      course: string
      module: null
      kind: 'details-published'
      fields: DetailsField[]
      published: { at: Date; by: string }
    }
  /** The course's details have unpublished edits in these fields. */
  | { course: string; module: null; kind: 'details-draft'; fields: DetailsField[] }
  /**
   * A quiz the package changes (module: the module's slug; null: the final exam) was published in the studio
   * (revision number, date, publisher's display name), or has an unpublished draft that differs (ADR 025).
   */
  | {
      course: string
      module: string | null
      kind: 'quiz-published'
      revision: { number: number; publishedAt: Date; publishedBy: string }
    }
  | { course: string; module: string | null; kind: 'quiz-draft' }

/** `courses:import` without `--force` over a course or modules edited in the studio since their last import. */
export class StudioWorkWouldBeOverwritten extends Error {
  constructor(readonly overwrites: StudioOverwrite[]) {
    const items = overwrites.map((item) => [item.course, item.module].filter(Boolean).join('/'))
    super(`the import would overwrite studio work: ${items.join(', ')}`)
  }
}

/** Someone changed the course's details draft since the author opened it; `current` is the draft now. */
export class DetailsConflict extends Error {
  constructor(
    readonly current: { details: CourseDetails; version: number; updatedBy: string | null; updatedAt: Date | null },
  ) {
    super(`the course details changed since they were opened (now version ${current.version})`)
  }
}

/** The details draft breaks a rule of the course package (`courses:validate --strict`): these fields. */
export class DetailsPublishRefused extends Error {
  constructor(readonly fields: DetailsField[]) {
    super(`the course details cannot be published: ${fields.join(', ')}`)
  }
}

/** No such quiz, or (for a write) not one this user may change: the same answer, existence is not disclosed. */
export class QuizNotFound extends Error {}

/** Someone saved this question (or the quiz settings) since the author opened it; `current` is theirs now. */
export class QuizDraftConflict extends Error {
  constructor(
    readonly current: {
      /** `settings`, or the question's slug. */
      item: string
      version: number
      updatedBy: string | null
      updatedAt: Date
    },
  ) {
    super(`${current.item} changed since it was opened (now version ${current.version})`)
  }
}

/** A problem of a quiz draft for the author: where (settings or a question's field) and what, as an i18n key. */
export interface QuizProblem {
  /** The question's slug, or null for the quiz settings. */
  question: string | null
  /** The field: `questionsPerAttempt`, `options`, `prompt`, … ('' for the whole question). */
  field: string
  message: string
  params: Record<string, string | number>
}

/** What `courses:validate --strict` would refuse in the quiz draft. */
export class QuizPublishRefused extends Error {
  constructor(readonly problems: QuizProblem[]) {
    super(
      `the quiz cannot be published: ${problems.map((p) => `${p.question ?? 'settings'} ${p.field} ${p.message}`).join(', ')}`,
    )
  }
}

/** A new question's slug is used by another question of the course (slugs are unique per course). */
export class QuestionSlugTaken extends Error {}
