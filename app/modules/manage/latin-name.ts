// An officer's name in Latin script (ADR 029): what the English half of a certificate prints.

export const MAX_LATIN_NAME_LENGTH = 120

// Letters of the Latin script (with their accents: Ş, ă, ž, é …), then letters, spaces, hyphens,
// apostrophes (typed or typographic) and dots, as passports and transliterations write names.
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}\p{M} .'’-]*$/u

/** Trimmed, inner whitespace collapsed: a name pasted from a spreadsheet or a PDF. */
export function normalizeLatinName(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/** Whether a (normalized) name is written in Latin script only and is not too long. */
export function isLatinName(name: string): boolean {
  return LATIN_NAME.test(name) && [...name].length <= MAX_LATIN_NAME_LENGTH
}
