import type { Locale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import type { FrozenQuestion } from './draw'
import type { AnswerFor } from './scoring'

/*
 * What the browser may see of a question before review, and how its answer comes back. Parts are
 * named by their position in the attempt's frozen order ("0", "1", …), never by their ids: an author's
 * id such as `correct` or `step-1` would otherwise give the answer away in the HTML.
 */

interface Part {
  key: string
  text: string
}

export type PublicQuestion =
  | { type: 'single' | 'multiple'; prompt: string; options: Part[] }
  | { type: 'true-false' | 'numeric'; prompt: string }
  | { type: 'matching'; prompt: string; left: Part[]; right: Part[] }
  | { type: 'ordering'; prompt: string; items: Part[] }
  /** compute: `body` is the number without its check digit; spot-wrong: the numbers are `options`. */
  | { type: 'container-check-digit'; prompt: string; body: string | null; options: Part[] }

const parts = <T>(ids: string[], byId: Map<string, T>, text: (part: T) => unknown, locale: Locale): Part[] =>
  ids.map((id, index) => ({ key: String(index), text: localizedName(text(byId.get(id)!), locale) }))

/** The learner's view of a drawn question in their language: texts only, no key, no explanation. */
export function toPublicQuestion(
  { definition: question, order, generated }: FrozenQuestion,
  locale: Locale,
): PublicQuestion {
  const prompt = localizedName(question.prompt, locale)
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const byId = new Map(question.options.map((option) => [option.id, option]))
      return { type: question.type, prompt, options: parts(order ?? [], byId, (o) => o.text, locale) }
    }
    case 'matching': {
      const byId = new Map(question.pairs.map((pair) => [pair.id, pair]))
      const left = question.pairs.map((pair, index) => ({ key: String(index), text: localizedName(pair.left, locale) }))
      return { type: 'matching', prompt, left, right: parts(order ?? [], byId, (p) => p.right, locale) }
    }
    case 'ordering': {
      const byId = new Map(question.items.map((item) => [item.id, item]))
      return { type: 'ordering', prompt, items: parts(order ?? [], byId, (i) => i.text, locale) }
    }
    case 'true-false':
    case 'numeric':
      return { type: question.type, prompt }
    case 'container-check-digit': {
      const numbers = generated ?? []
      return question.task === 'compute'
        ? { type: question.type, prompt, body: numbers[0]?.slice(0, 10) ?? '', options: [] }
        : {
            type: question.type,
            prompt,
            body: null,
            options: numbers.map((text, index) => ({ key: String(index), text })),
          }
    }
  }
}

/** A submitted answer in the public form, before it is mapped back to ids. */
export interface PublicAnswer {
  /** single, spot-the-wrong-number: one key; multiple: any keys. */
  choices?: string[]
  /** true-false: "true" / "false"; numeric, check digit: the number as typed ("24,5" is read as 24.5). */
  value?: string
  /** matching: left key → right key; ordering: displayed item key → position 1…n. */
  pairs?: Record<string, string>
}

/** Maps a public answer to the ids scoring works on; keys that are not in this attempt are dropped. */
export function fromPublicAnswer(
  { definition: question, order, generated }: FrozenQuestion,
  answer: PublicAnswer,
): unknown {
  // Only digits name a part: Number('') is 0, and a blank select must not pick the first option.
  const atKey = (key: string) => (/^\d{1,4}$/.test(key) ? ((order ?? [])[Number(key)] ?? null) : null)
  const picked = (answer.choices ?? []).map(atKey).filter((id): id is string => id !== null)
  switch (question.type) {
    case 'single':
      return picked.length === 1 ? ({ optionId: picked[0]! } satisfies AnswerFor<'single'>) : null
    case 'multiple':
      return { optionIds: picked } satisfies AnswerFor<'multiple'>
    case 'true-false':
      return answer.value === 'true' || answer.value === 'false' ? { value: answer.value === 'true' } : null
    case 'numeric': {
      const value = readNumber(answer.value)
      return value === null ? null : ({ value } satisfies AnswerFor<'numeric'>)
    }
    case 'container-check-digit': {
      if (question.task === 'compute') {
        const digit = readNumber(answer.value)
        return digit === null ? null : ({ digit } satisfies AnswerFor<'container-check-digit'>)
      }
      const key = answer.choices?.length === 1 ? answer.choices[0]! : ''
      const number = /^\d{1,2}$/.test(key) ? generated?.[Number(key)] : undefined
      return number ? ({ number } satisfies AnswerFor<'container-check-digit'>) : null
    }
    case 'matching': {
      const matches: Record<string, string> = {}
      for (const [leftKey, rightKey] of Object.entries(answer.pairs ?? {})) {
        const left = question.pairs[Number(leftKey)]
        const right = atKey(rightKey)
        if (left && right) matches[left.id] = right
      }
      return { matches } satisfies AnswerFor<'matching'>
    }
    case 'ordering': {
      const slots: string[] = []
      for (const [itemKey, position] of Object.entries(answer.pairs ?? {})) {
        const id = atKey(itemKey)
        const index = Number(position) - 1
        if (id && Number.isInteger(index) && index >= 0 && index < question.items.length && !slots[index])
          slots[index] = id
      }
      return {
        order: Array.from({ length: question.items.length }, (_, index) => slots[index] ?? ''),
      } satisfies AnswerFor<'ordering'>
    }
  }
}

function readNumber(typed: string | undefined): number | null {
  const trimmed = (typed ?? '').trim()
  const value = Number(trimmed.replace(',', '.'))
  return trimmed && Number.isFinite(value) ? value : null
}

/** A saved answer in the public form again, to fill in the attempt form when the learner comes back. */
export function toPublicAnswer(
  { definition: question, order, generated }: FrozenQuestion,
  saved: unknown,
): PublicAnswer {
  if (typeof saved !== 'object' || saved === null) return {}
  const keyOf = (id: unknown) => {
    const index = (order ?? []).indexOf(String(id))
    return index < 0 ? null : String(index)
  }
  const answer = saved as Record<string, unknown>
  switch (question.type) {
    case 'single':
      return { choices: [keyOf(answer.optionId)].filter((key): key is string => key !== null) }
    case 'multiple':
      return {
        choices: (Array.isArray(answer.optionIds) ? answer.optionIds : [])
          .map(keyOf)
          .filter((key): key is string => key !== null),
      }
    case 'true-false':
    case 'numeric':
      return { value: String(answer.value ?? '') }
    case 'container-check-digit':
      if ('digit' in answer) return { value: String(answer.digit) }
      return { choices: [keyOfNumber(generated, answer.number)].filter((key): key is string => key !== null) }
    case 'matching': {
      const matches = (answer.matches ?? {}) as Record<string, string>
      const pairs: Record<string, string> = {}
      question.pairs.forEach((pair, index) => {
        const right = keyOf(matches[pair.id])
        if (right !== null) pairs[String(index)] = right
      })
      return { pairs }
    }
    case 'ordering': {
      const placed = Array.isArray(answer.order) ? (answer.order as unknown[]) : []
      const pairs: Record<string, string> = {}
      placed.forEach((id, index) => {
        const key = keyOf(id)
        if (key !== null) pairs[key] = String(index + 1)
      })
      return { pairs }
    }
  }
}

function keyOfNumber(generated: string[] | null, number: unknown): string | null {
  const index = (generated ?? []).indexOf(String(number))
  return index < 0 ? null : String(index)
}
