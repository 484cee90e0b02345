import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml'
import { isLocale, LOCALES } from '~/i18n/config'

/*
 * Writes a package's YAML files in the shipped courses' own layout (docs/content-format.md), for a download
 * of a course whose files the database no longer matches (ADR 026): keys in the documented order, texts in
 * double quotes, an option, an ordering item and a matching pair's sides on one line each, a blank line
 * between questions, no line folding. Comments an author wrote are not known here: they survive only in
 * the files an import kept.
 */

const COURSE_KEYS = [
  'slug',
  'version',
  'category',
  'title',
  'summary',
  'objectives',
  'certificateValidityMonths',
  'completion',
]
const MODULE_KEYS = ['slug', 'title', 'minutes', 'references']
const GLOSSARY_KEYS = ['slug', 'term', 'definition']
const JOB_AID_KEYS = ['slug', 'modules', 'title', 'purpose']
const JOB_AID_BLOCK_KEYS = ['kind', 'heading', 'items', 'columns', 'rows', 'blankRows', 'text']
const QUIZ_KEYS = [
  'passMark',
  'maxAttempts',
  'timeLimitMinutes',
  'questionsPerAttempt',
  'questionsPerModule',
  'shuffleQuestions',
  'shuffleOptions',
  'review',
  'questions',
]
const QUESTION_KEYS = [
  'slug',
  'type',
  'module',
  'task',
  'choices',
  'points',
  'prompt',
  'options',
  'pairs',
  'items',
  'answer',
  'tolerance',
  'explanation',
]
/** Inside those: options, pairs and items, and the completion rule. */
const NESTED_KEYS = [
  'id',
  'text',
  'left',
  'right',
  'correct',
  'modules',
  'finalExam',
  'title',
  'edition',
  'part',
  'url',
]
/** Optional fields left out at their default, as the shipped files do (`correct: false` on every wrong option). */
const DEFAULTS: Record<string, unknown> = {
  certificateValidityMonths: null,
  questionsPerModule: null,
  module: null,
  correct: false,
  blankRows: 0,
}
const isDefault = (key: string, value: unknown) => key in DEFAULTS && (value ?? null) === DEFAULTS[key]

/** `value` with its keys in `order` first, then any others by name, locales in their configured order. */
function ordered(value: unknown, order = NESTED_KEYS): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value).filter(([key, item]) => !isDefault(key, item))
  const rank = (key: string) => {
    const at = order.indexOf(key)
    const locale = (LOCALES as readonly string[]).indexOf(key)
    return at >= 0 ? at : locale >= 0 ? order.length + locale : Infinity
  }
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, item]) => [key, ordered(item)]))
}

function stringify(document: Document, { blankLineBetween }: { blankLineBetween?: string } = {}): string {
  visit(document, {
    Pair(_key, pair) {
      if (!isScalar(pair.key)) return
      const key = String(pair.key.value)
      // Texts in double quotes; slugs, ids and settings plain (quoted by the library only where needed).
      if (isLocale(key)) quoteStrings(pair.value as Node)
      if (key === 'completion' && isMap(pair.value)) pair.value.flow = true
      if ((key === 'options' || key === 'items') && isSeq(pair.value))
        for (const item of pair.value.items) if (isMap(item)) item.flow = true
      if ((key === 'left' || key === 'right') && isMap(pair.value)) pair.value.flow = true
      if (key === blankLineBetween && isSeq(pair.value))
        pair.value.items.forEach((item, index) => {
          if (index > 0 && isMap(item)) item.spaceBefore = true
        })
    },
  })
  return document.toString({ lineWidth: 0, minContentWidth: 0 })
}

function quoteStrings(node: Node) {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string') scalar.type = 'QUOTE_DOUBLE'
    },
  })
}

export function courseYaml(course: Record<string, unknown>): string {
  return stringify(new Document(ordered(course, COURSE_KEYS)))
}

export function moduleYaml(module: Record<string, unknown>): string {
  return stringify(new Document(ordered(module, MODULE_KEYS)))
}

/** The course's glossary.yaml: a blank line between terms, as between questions. */
export function glossaryYaml(terms: unknown[]): string {
  return stringify(new Document({ terms: terms.map((term) => ordered(term, GLOSSARY_KEYS)) }), {
    blankLineBetween: 'terms',
  })
}

/** A job aid's job-aids/<slug>.yaml; blocks and their items one after another as an author lays them out. */
export function jobAidYaml({ blocks, sources, ...aid }: Record<string, unknown> & { blocks: unknown[] }): string {
  const document = {
    ...(ordered(aid, JOB_AID_KEYS) as object),
    blocks: blocks.map((block) => ordered(block, JOB_AID_BLOCK_KEYS)),
    sources: ordered(sources),
  }
  return stringify(new Document(document), { blankLineBetween: 'blocks' })
}

/** A module's quiz.yaml or the course's final-exam.yaml. */
export function quizYaml({ questions, ...settings }: Record<string, unknown> & { questions: unknown[] }): string {
  const quiz = {
    ...(ordered(settings, QUIZ_KEYS) as object),
    questions: questions.map((question) => ordered(question, QUESTION_KEYS)),
  }
  return stringify(new Document(quiz), { blankLineBetween: 'questions' })
}
