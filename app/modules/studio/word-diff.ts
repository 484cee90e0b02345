import { diffWords } from 'diff'

export interface DiffPart {
  text: string
  change: 'same' | 'added' | 'removed'
}

/**
 * Bounds the work on two very different 200 KB bodies (jsdiff is O(N·D)); past it the diff is shown as
 * "all of it replaced", which is what such a change is to a reader anyway.
 */
const TIMEOUT_MS = 500

/**
 * jsdiff's own tokenizer knows Latin letters only and splits a Cyrillic word into letters ("пломб|у"
 * → "пломб|ы"); the platform's word segmenter knows every script the app could be translated into.
 */
const segmenters = new Map<string, Intl.Segmenter>()
function segmenter(locale: string) {
  let found = segmenters.get(locale)
  if (!found) segmenters.set(locale, (found = new Intl.Segmenter(locale, { granularity: 'word' })))
  return found
}

/** A word-level diff for the studio: what a reviewer reads, not what a patch tool needs. */
export function wordDiff({ before, after, locale }: { before: string; after: string; locale: string }): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ text: before, change: 'same' }]
  const changes = diffWords(before, after, { timeout: TIMEOUT_MS, intlSegmenter: segmenter(locale) })
  if (!changes)
    return [
      { text: before, change: 'removed' as const },
      { text: after, change: 'added' as const },
    ].filter((part) => part.text !== '')
  return changes.map((change) => ({
    text: change.value,
    change: change.added ? 'added' : change.removed ? 'removed' : 'same',
  }))
}
