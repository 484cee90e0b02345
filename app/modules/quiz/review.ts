import type { Locale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import { formatNumber } from '~/utils/format'
import type { FrozenQuestion } from './draw'
import { checkDigit, isValidContainerNumber } from './iso6346'
import { answerSchemas, scoreAnswer } from './scoring'

/*
 * What the review page shows of one question, in the learner's language: their answer, the right
 * one and the explanation. Built only once the quiz's review policy allows it (see review-policy).
 */

/** An answer as the page shows it: lines of text, or a true/false the page words in its language. */
export type ShownAnswer = { kind: 'texts'; texts: string[] } | { kind: 'boolean'; value: boolean | null }

export interface ReviewItem {
  prompt: string
  points: number
  /** Share of the points earned, 0…1. */
  fraction: number
  given: ShownAnswer
  correct: ShownAnswer
  explanation: string
}

const texts = (list: (string | null | undefined)[]): ShownAnswer => ({
  kind: 'texts',
  texts: list.filter((text): text is string => Boolean(text)),
})

export function reviewItem(question: FrozenQuestion, saved: unknown, locale: Locale): ReviewItem {
  const { definition } = question
  const name = (value: unknown) => localizedName(value, locale)
  return {
    prompt: name(definition.prompt),
    points: question.points,
    fraction: scoreAnswer(definition, saved, question.generated),
    given: givenAnswer(question, saved, locale),
    correct: correctAnswer(question, locale),
    explanation: name(definition.explanation),
  }
}

function givenAnswer({ definition: q, generated }: FrozenQuestion, saved: unknown, locale: Locale): ShownAnswer {
  const name = (value: unknown) => localizedName(value, locale)
  switch (q.type) {
    case 'single': {
      const id = answerSchemas.single.safeParse(saved).data?.optionId
      return texts([name(q.options.find((option) => option.id === id)?.text)])
    }
    case 'multiple': {
      const ids = new Set(answerSchemas.multiple.safeParse(saved).data?.optionIds ?? [])
      return texts(q.options.filter((option) => ids.has(option.id)).map((option) => name(option.text)))
    }
    case 'true-false':
      return { kind: 'boolean', value: answerSchemas['true-false'].safeParse(saved).data?.value ?? null }
    case 'numeric': {
      const value = answerSchemas.numeric.safeParse(saved).data?.value
      return texts([value === undefined ? null : formatNumber(value, locale)])
    }
    case 'matching': {
      const matches = answerSchemas.matching.safeParse(saved).data?.matches ?? {}
      return texts(
        q.pairs.map((pair) => {
          const right = q.pairs.find((other) => other.id === matches[pair.id])
          return right ? `${name(pair.left)} → ${name(right.right)}` : null
        }),
      )
    }
    case 'ordering': {
      const order = answerSchemas.ordering.safeParse(saved).data?.order ?? []
      return texts(
        order.map((id, index) => ({ id, index })).map(({ id, index }) => itemLine(q.items, id, index, locale)),
      )
    }
    case 'container-check-digit': {
      const given = answerSchemas['container-check-digit'].safeParse(saved).data
      if (!given) return texts([])
      if ('digit' in given) return texts([`${generated?.[0]?.slice(0, 10) ?? ''}${given.digit}`])
      return texts([given.number])
    }
  }
}

function correctAnswer({ definition: q, generated }: FrozenQuestion, locale: Locale): ShownAnswer {
  const name = (value: unknown) => localizedName(value, locale)
  switch (q.type) {
    case 'single':
    case 'multiple':
      return texts(q.options.filter((option) => option.correct).map((option) => name(option.text)))
    case 'true-false':
      return { kind: 'boolean', value: q.answer }
    case 'numeric':
      return texts([
        q.tolerance > 0
          ? `${formatNumber(q.answer, locale)} ± ${formatNumber(q.tolerance, locale)}`
          : formatNumber(q.answer, locale),
      ])
    case 'matching':
      return texts(q.pairs.map((pair) => `${name(pair.left)} → ${name(pair.right)}`))
    case 'ordering':
      return texts(q.items.map((item, index) => itemLine(q.items, item.id, index, locale)))
    case 'container-check-digit': {
      const numbers = generated ?? []
      if (q.task === 'compute') return texts(numbers.slice(0, 1))
      // The wrong number, with the check digit it should have had.
      const wrong = numbers.find((number) => !isValidContainerNumber(number))
      return texts([wrong ? `${wrong} → ${wrong.slice(0, 10)}${checkDigit(wrong.slice(0, 10))}` : null])
    }
  }
}

function itemLine(items: { id: string; text: unknown }[], id: string, index: number, locale: Locale) {
  const item = items.find((candidate) => candidate.id === id)
  return item ? `${index + 1}. ${localizedName(item.text, locale)}` : null
}
