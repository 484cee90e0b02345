import type { Locale } from '~/i18n/config'

export type ImportColumn = 'email' | 'name' | 'latinName' | 'unit' | 'language'

/** Column index per recognised column; a column the file does not have is absent. */
export type ImportColumns = Partial<Record<ImportColumn, number>>

// Coordinators fill in whichever template their administration already uses, in English or Russian.
const HEADERS: readonly (readonly [ImportColumn, readonly string[]])[] = [
  ['email', ['email', 'e-mail', 'эл. почта', 'электронная почта', 'почта']],
  ['name', ['name', 'full name', 'display name', 'фио', 'ф. и. о.', 'имя']],
  // Optional: the name in Latin script for the English half of certificates (ADR 029).
  [
    'latinName',
    [
      'latinName',
      'latin name',
      'name in latin',
      'name (latin)',
      'ф. и. о. латиницей',
      'фио латиницей',
      'имя латиницей',
      'латиница',
    ],
  ],
  ['unit', ['unit', 'post', 'unit/post', 'подразделение', 'пост']],
  ['language', ['language', 'lang', 'locale', 'язык']],
]

// A Map, not an object literal: a cell reading "constructor" must not match a prototype property.
const LANGUAGES = new Map<string, Locale>([
  ...['en', 'eng', 'english', 'английский', 'англ'].map((value) => [value, 'en'] as const),
  ...['ru', 'rus', 'russian', 'русский', 'рус'].map((value) => [value, 'ru'] as const),
])

/**
 * Templates differ in case and punctuation, not in words: "Ф.И.О.", "ф. и. о." and "ФИО",
 * "E-mail" and "email", "Full_Name" and "full name" are the same column.
 */
function headerKey(text: string): string {
  return text.toLowerCase().replace(/[\s._-]/g, '')
}

const COLUMN_BY_KEY = new Map<string, ImportColumn>(
  HEADERS.flatMap(([column, names]) => names.map((name) => [headerKey(name), column] as const)),
)

export function findColumns(header: readonly string[]): ImportColumns {
  const columns: ImportColumns = {}
  header.forEach((cell, index) => {
    const column = COLUMN_BY_KEY.get(headerKey(cell))
    // The first of two same-named columns wins, as it is the one a reader of the sheet sees first.
    if (column && columns[column] === undefined) columns[column] = index
  })
  return columns
}

/** `null` when the cell names no language we offer; "англ." and "Рус" are how people abbreviate. */
export function parseLanguage(cell: string): Locale | null {
  return LANGUAGES.get(headerKey(cell)) ?? null
}
