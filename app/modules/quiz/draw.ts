import type { Question } from '~/modules/content/package.schema'
import type { Random } from './iso6346'

/** What an attempt freezes for one question when it starts: which question, and in what order its parts show. */
export interface DrawnQuestion {
  questionId: string
  /** Display order of option ids (choice), right-hand pair ids (matching) or item ids (ordering); null otherwise. */
  order: string[] | null
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

/** The order a question's parts are shown in; null for types without parts. */
export function partOrder(question: Question, { shuffleOptions, random }: { shuffleOptions: boolean; random: Random }) {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = question.options.map((option) => option.id)
      return shuffleOptions ? shuffle(ids, random) : ids
    }
    case 'matching': {
      const ids = question.pairs.map((pair) => pair.id)
      return shuffleOptions ? shuffle(ids, random) : ids
    }
    case 'ordering':
      // Always shuffled, and never shown already in order: that would give the answer away.
      return shuffledOutOfOrder(
        question.items.map((item) => item.id),
        random,
      )
    case 'true-false':
    case 'numeric':
      return null
  }
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
 * Draws `count` questions from the pool for a new attempt (all of them when the pool is smaller),
 * in random order when the quiz shuffles, else in pool order, and fixes each one's part order.
 */
export function drawQuestions({
  pool,
  count,
  shuffleQuestions,
  shuffleOptions,
  random,
}: {
  pool: { id: string; question: Question }[]
  count: number
  shuffleQuestions: boolean
  shuffleOptions: boolean
  random: Random
}): DrawnQuestion[] {
  const chosen = new Set(shuffle(pool, random).slice(0, count))
  const inOrder = pool.filter((entry) => chosen.has(entry))
  const drawn = shuffleQuestions ? shuffle(inOrder, random) : inOrder
  return drawn.map(({ id, question }) => ({ questionId: id, order: partOrder(question, { shuffleOptions, random }) }))
}
