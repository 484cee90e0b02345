import { z } from '~/utils/zod'
import { LOCALES, type Locale } from '~/i18n/config'
import type { LocalizedText, Question } from '~/modules/content/package.schema'
import { sha256 } from '~/modules/content/package-hash'

/*
 * A question's texts and their translation status (ADR 025). Structure (options, pairs, items, keys,
 * points) is one; only texts differ per language. Each text is named by a path — `prompt`,
 * `explanation`, `options.<id>`, `pairs.<id>.left`, `pairs.<id>.right`, `items.<id>` — and the draft
 * keeps, per path, every language's text as it was when an author last said they say the same thing.
 * A language is out of date for a path when another language's text there changed since.
 */

export interface QuestionText {
  path: string
  text: LocalizedText
}

/** Every text of a question, in the order the editor shows them. */
export function questionTexts(question: Question): QuestionText[] {
  const texts: QuestionText[] = [{ path: 'prompt', text: question.prompt }]
  switch (question.type) {
    case 'single':
    case 'multiple':
      for (const option of question.options) texts.push({ path: `options.${option.id}`, text: option.text })
      break
    case 'matching':
      for (const pair of question.pairs)
        texts.push(
          { path: `pairs.${pair.id}.left`, text: pair.left },
          { path: `pairs.${pair.id}.right`, text: pair.right },
        )
      break
    case 'ordering':
      for (const item of question.items) texts.push({ path: `items.${item.id}`, text: item.text })
      break
    default:
      break
  }
  texts.push({ path: 'explanation', text: question.explanation })
  return texts
}

const snapshot = z.partialRecord(z.enum(LOCALES), z.object({ hash: z.string(), text: z.string() }))
/** Per path: every language's text when last confirmed together. */
export const questionConfirmedSchema = z.record(z.string(), snapshot)
export type QuestionConfirmed = z.output<typeof questionConfirmedSchema>

/** Anything unreadable counts as never confirmed: that flags rather than hides. */
export function parseQuestionConfirmed(value: unknown): QuestionConfirmed {
  const result = questionConfirmedSchema.safeParse(value)
  return result.success ? result.data : {}
}

const written = (value: string | undefined): value is string => value !== undefined && value.trim() !== ''

/** "These texts say the same thing": a snapshot of every written text of the question. */
export function confirmQuestion(question: Question): QuestionConfirmed {
  const confirmed: QuestionConfirmed = {}
  for (const { path, text } of questionTexts(question)) {
    const entry: QuestionConfirmed[string] = {}
    for (const locale of LOCALES) {
      const value = text[locale]
      if (written(value)) entry[locale] = { hash: sha256(value), text: value }
    }
    confirmed[path] = entry
  }
  return confirmed
}

export type TextState = 'missing' | 'outOfDate' | 'upToDate'

export interface TextStatus {
  path: string
  state: Record<Locale, TextState>
  /** Per language flagged out of date: the other language's text when it was last confirmed (for a word diff). */
  confirmedSource: Partial<Record<Locale, { locale: Locale; text: string }>>
}

/** Each text's state per language. */
export function questionStatus(question: Question, confirmed: QuestionConfirmed): TextStatus[] {
  return questionTexts(question).map(({ path, text }) => {
    const snapshotOf = confirmed[path] ?? {}
    const state = {} as Record<Locale, TextState>
    const confirmedSource: TextStatus['confirmedSource'] = {}
    for (const locale of LOCALES) {
      if (!written(text[locale])) {
        state[locale] = 'missing'
        continue
      }
      const changedSource = LOCALES.find((other) => {
        const source = text[other]
        return other !== locale && written(source) && snapshotOf[other]?.hash !== sha256(source)
      })
      state[locale] = changedSource ? 'outOfDate' : 'upToDate'
      if (changedSource)
        confirmedSource[locale] = { locale: changedSource, text: snapshotOf[changedSource]?.text ?? '' }
    }
    return { path, state, confirmedSource }
  })
}

/** A question's state per language: missing if any text is, else out of date if any is, else complete. */
export function questionCompleteness(statuses: TextStatus[]): Record<Locale, TextState> {
  const worst = (locale: Locale): TextState =>
    statuses.some((status) => status.state[locale] === 'missing')
      ? 'missing'
      : statuses.some((status) => status.state[locale] === 'outOfDate')
        ? 'outOfDate'
        : 'upToDate'
  return Object.fromEntries(LOCALES.map((locale) => [locale, worst(locale)])) as Record<Locale, TextState>
}
