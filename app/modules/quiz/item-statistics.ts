import type { Question } from '~/modules/content/package.schema'
import { answerSchemas, scoreAnswer } from './scoring'

/*
 * Classic item analysis of a quiz's questions over finished attempts (ADR 028):
 * - facility index: the mean share of the question's points earned (for all-or-nothing questions, the
 *   share of attempts that answered it right);
 * - discrimination index: that mean in the upper group minus that mean in the lower group, the groups
 *   being the 27 % (rounded) of the attempts that drew the question with the highest and the lowest
 *   total scores (Kelley's upper-lower method; ties on the boundary are split by attempt id);
 * - for choice questions, how many attempts ticked each option.
 * Attempts are counted in groups of identical answers to an identical frozen copy (the database groups
 * them), so each distinct answer is scored once, by the grading function itself.
 */

/** The share of attempts in each of the upper and lower groups. */
export const BAND_SHARE = 0.27
/** Below this many attempts the numbers are shown but not judged. */
export const MIN_ATTEMPTS_TO_JUDGE = 10
export const FACILITY_HIGH = 0.9
export const FACILITY_LOW = 0.3
export const DISCRIMINATION_LOW = 0.2

export type Band = 'upper' | 'middle' | 'lower'

/** Attempts that drew one frozen version of a question, gave the same answer and fall in the same band. */
export interface ResponseGroup {
  questionId: string
  definition: Question
  generated: string[] | null
  answer: unknown
  band: Band
  attempts: number
}

export type ItemFlag = 'easy' | 'hard' | 'lowDiscrimination' | 'negativeDiscrimination' | 'unpickedOption'

export interface ItemStatistics {
  drawn: number
  facility: number | null
  discrimination: number | null
  /** Attempts in each of the upper and lower groups. */
  bandSize: number
  /** Per option id of the current version, how many attempts ticked it; null for other types. */
  picks: Map<string, number> | null
  flags: ItemFlag[]
}

interface Tally {
  drawn: number
  earned: number
  upper: { attempts: number; earned: number }
  lower: { attempts: number; earned: number }
  picks: Map<string, number>
}

function pickedOptions(definition: Question, answer: unknown): string[] {
  if (definition.type === 'single') {
    const id = answerSchemas.single.safeParse(answer).data?.optionId
    return id === undefined ? [] : [id]
  }
  if (definition.type === 'multiple') return [...new Set(answerSchemas.multiple.safeParse(answer).data?.optionIds)]
  return []
}

function tally(groups: ResponseGroup[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>()
  for (const group of groups) {
    let entry = tallies.get(group.questionId)
    if (!entry) {
      entry = {
        drawn: 0,
        earned: 0,
        upper: { attempts: 0, earned: 0 },
        lower: { attempts: 0, earned: 0 },
        picks: new Map(),
      }
      tallies.set(group.questionId, entry)
    }
    const earned = scoreAnswer(group.definition, group.answer, group.generated) * group.attempts
    entry.drawn += group.attempts
    entry.earned += earned
    if (group.band !== 'middle') {
      entry[group.band].attempts += group.attempts
      entry[group.band].earned += earned
    }
    for (const id of pickedOptions(group.definition, group.answer))
      entry.picks.set(id, (entry.picks.get(id) ?? 0) + group.attempts)
  }
  return tallies
}

function flagsOf(stats: Omit<ItemStatistics, 'flags'>): ItemFlag[] {
  if (stats.drawn < MIN_ATTEMPTS_TO_JUDGE) return []
  const flags: ItemFlag[] = []
  if (stats.facility !== null && stats.facility > FACILITY_HIGH) flags.push('easy')
  if (stats.facility !== null && stats.facility < FACILITY_LOW) flags.push('hard')
  if (stats.discrimination !== null && stats.discrimination < 0) flags.push('negativeDiscrimination')
  else if (stats.discrimination !== null && stats.discrimination < DISCRIMINATION_LOW) flags.push('lowDiscrimination')
  if (stats.picks && [...stats.picks.values()].some((count) => count === 0)) flags.push('unpickedOption')
  return flags
}

/** Statistics per question (the current version names the options), from the database's response groups. */
export function itemStatistics(
  questions: { id: string; definition: Question }[],
  groups: ResponseGroup[],
): Map<string, ItemStatistics> {
  const tallies = tally(groups)
  return new Map(
    questions.map(({ id, definition }) => {
      const entry = tallies.get(id)
      const drawn = entry?.drawn ?? 0
      const mean = (part: { attempts: number; earned: number }) => part.earned / part.attempts
      const options = definition.type === 'single' || definition.type === 'multiple' ? definition.options : null
      const stats = {
        drawn,
        facility: entry && drawn > 0 ? entry.earned / drawn : null,
        discrimination: entry && entry.upper.attempts > 0 ? mean(entry.upper) - mean(entry.lower) : null,
        bandSize: entry?.upper.attempts ?? 0,
        picks: options ? new Map(options.map((option) => [option.id, entry?.picks.get(option.id) ?? 0])) : null,
      }
      return [id, { ...stats, flags: flagsOf(stats) }]
    }),
  )
}
