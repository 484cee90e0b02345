import type { FrozenQuestion } from './draw'
import { checkDigit, isValidContainerNumber } from './iso6346'

/**
 * The full-marks answer to a drawn question, in the form the attempt stores (`scoreAnswer` gives it 1).
 * For the demo officers' records and the load dataset, made with the real quiz engine: never sent to a browser.
 */
export function rightAnswer({ definition: question, generated }: FrozenQuestion): unknown {
  switch (question.type) {
    case 'single':
      return { optionId: question.options.find((option) => option.correct)?.id }
    case 'multiple':
      return { optionIds: question.options.filter((option) => option.correct).map((option) => option.id) }
    case 'true-false':
    case 'numeric':
      return { value: question.answer }
    case 'matching':
      return { matches: Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id])) }
    case 'ordering':
      return { order: question.items.map((item) => item.id) }
    case 'container-check-digit': {
      const numbers = generated ?? []
      return question.task === 'compute'
        ? { digit: checkDigit(numbers[0]?.slice(0, 10) ?? '') }
        : { number: numbers.find((number) => !isValidContainerNumber(number)) }
    }
  }
}
