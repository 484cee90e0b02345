import type { Question } from '~/modules/content/package.schema'
import { CONTAINER_NUMBER, generateContainerNumber, withWrongCheckDigit, type Random } from './iso6346'

/** What an attempt freezes for one question when it starts: which question, and in what order its parts show. */
export interface DrawnQuestion {
  questionId: string
  /** Display order of option ids (choice), right-hand pair ids (matching) or item ids (ordering); null otherwise. */
  order: string[] | null
  /** Values generated for this attempt only (container numbers); null for authored questions. */
  generated: string[] | null
}

/** A drawn question as the attempt stores it: with its definition (and key) as it was at the start. */
export interface FrozenQuestion extends DrawnQuestion {
  points: number
  definition: Question
}

/** Fisher–Yates on a copy, with an injectable random source so tests are repeatable. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/** The ids of a question's parts in authored order; null for types without parts. */
function partIds(question: Question): string[] | null {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.id)
    case 'matching':
      return question.pairs.map((pair) => pair.id)
    case 'ordering':
      return question.items.map((item) => item.id)
    case 'true-false':
    case 'numeric':
    case 'container-check-digit':
      return null
  }
}

/** The order a question's parts are shown in; null for types without parts. */
export function partOrder(question: Question, { shuffleOptions, random }: { shuffleOptions: boolean; random: Random }) {
  const ids = partIds(question)
  if (ids === null) return null
  // Ordering items are always shuffled, and never shown already in order: that would give the answer away.
  if (question.type === 'ordering') return shuffledOutOfOrder(ids, random)
  return shuffleOptions ? shuffle(ids, random) : ids
}

/** How many values a question generates for each attempt. */
const generatedCount = (question: Question) =>
  question.type !== 'container-check-digit' ? 0 : question.task === 'compute' ? 1 : question.choices

/**
 * Whether `drawn` could have been drawn for `question`: its order holds each of the question's parts
 * once, and it has as many generated container numbers as the question shows. For a draw that comes
 * back from a browser (the studio's question preview carries its draw in its form), which may send anything.
 */
export function isDrawOf(question: Question, { order, generated }: Pick<DrawnQuestion, 'order' | 'generated'>) {
  const ids = partIds(question)
  const orderFits =
    ids === null
      ? order === null
      : order !== null && order.length === ids.length && ids.every((id) => order.includes(id))
  const count = generatedCount(question)
  const generatedFits =
    count === 0
      ? generated === null
      : generated !== null && generated.length === count && generated.every((value) => CONTAINER_NUMBER.test(value))
  return orderFits && generatedFits
}

/** Fresh container numbers for a generated question: one to complete, or several with one wrong. */
export function generateValues(question: Question, random: Random): string[] | null {
  if (question.type !== 'container-check-digit') return null
  const numbers = new Set<string>()
  while (numbers.size < generatedCount(question)) numbers.add(generateContainerNumber(random))
  const list = [...numbers]
  if (question.task === 'compute') return list
  const wrongAt = Math.floor(random() * list.length)
  list[wrongAt] = withWrongCheckDigit(list[wrongAt]!, random)
  return list
}

function shuffledOutOfOrder(ids: string[], random: Random): string[] {
  if (ids.length < 2) return ids
  for (let tries = 0; tries < 20; tries++) {
    const order = shuffle(ids, random)
    if (order.some((id, index) => id !== ids[index])) return order
  }
  return [...ids.slice(1), ids[0]!]
}

/**
 * Draws `count` questions from the pool for a new attempt (all of them when the pool is smaller), or,
 * with `perModule`, that many from each module's questions (a final exam covering the whole course);
 * in random order when the quiz shuffles, else in pool order, and fixes each one's part order.
 */
export function drawQuestions({
  pool,
  count,
  perModule = null,
  shuffleQuestions,
  shuffleOptions,
  random,
}: {
  pool: { id: string; question: Question }[]
  count: number
  perModule?: number | null
  shuffleQuestions: boolean
  shuffleOptions: boolean
  random: Random
}): DrawnQuestion[] {
  const chosen = new Set(
    perModule === null ? shuffle(pool, random).slice(0, count) : drawPerModule(pool, perModule, random),
  )
  const inOrder = pool.filter((entry) => chosen.has(entry))
  const drawn = shuffleQuestions ? shuffle(inOrder, random) : inOrder
  return drawn.map(({ id, question }) => ({
    questionId: id,
    order: partOrder(question, { shuffleOptions, random }),
    generated: generateValues(question, random),
  }))
}

/** `perModule` questions from each module's part of the pool; questions naming no module are not drawn. */
function drawPerModule<T extends { question: Question }>(pool: T[], perModule: number, random: Random): T[] {
  const byModule = new Map<string, T[]>()
  for (const entry of pool) {
    const module = entry.question.module
    if (module !== undefined) byModule.set(module, [...(byModule.get(module) ?? []), entry])
  }
  return [...byModule.values()].flatMap((entries) => shuffle(entries, random).slice(0, perModule))
}
