import type { Locale } from '~/i18n/config'
import { decodeUpload, readCsvRecords, type CsvRecord } from './officer-import-csv'
import { findColumns, parseLanguage, type ImportColumn, type ImportColumns } from './officer-import-columns'
import { MAX_IMPORT_BYTES } from './manage.schema'
import type { ImportProblem } from './officer-import-problems'
import { isLatinName, normalizeLatinName } from './latin-name'

export const MAX_IMPORT_ROWS = 2000
const MAX_EMAIL_LENGTH = 254 // the longest address SMTP can deliver to
const MAX_NAME_LENGTH = 120

export interface ImportContext {
  /** Lower-cased e-mails that already have an account or a pending invitation (anywhere in the platform: e-mails are unique). */
  takenEmails: ReadonlySet<string>
  /** The manager's administration's units/posts, e.g. { id: 'u1', name: 'Bagratashen border post' }. */
  units: readonly { id: string; name: string }[]
}

export interface ImportRow {
  /** 1-based line number in the file as a spreadsheet shows it (the header is line 1). */
  line: number
  /** Trimmed, lower-cased. */
  email: string
  /** Trimmed, inner whitespace collapsed. */
  displayName: string
  /** The optional name in Latin script, normalized like displayName; null when the cell is empty. */
  latinName: string | null
  unitId: string | null
  /** As written in the file (trimmed), so the report shows what the manager typed. */
  unitName: string
  preferredLocale: Locale
  /** i18n keys in the `manage` namespace; empty = valid. */
  problems: ImportProblem[]
  /**
   * Each recognised column's cell exactly as the file has it (cut at 200 characters), so the report
   * shows next to a problem what the line said, not the value read from it or a default put in its place.
   */
  cells: Record<ImportColumn, string>
}

const MAX_SHOWN_CELL = 200

export type ImportReport =
  | {
      ok: false
      fileProblem:
        'import.fileEmpty' | 'import.fileTooLarge' | 'import.headerMissing' | 'import.notCsv' | 'import.tooManyRows'
      detail?: string
    }
  | { ok: true; rows: ImportRow[]; valid: number; invalid: number }

/** Never throws for a bad file: the manager gets a report either way. Nothing here writes anything. */
export function parseOfficerCsv(input: string | Uint8Array, context: ImportContext): ImportReport {
  const size = typeof input === 'string' ? new TextEncoder().encode(input).byteLength : input.byteLength
  if (size > MAX_IMPORT_BYTES) return { ok: false, fileProblem: 'import.fileTooLarge' }
  const text = decodeUpload(input)
  // NUL never occurs in text: this is an .xlsx (a zip) or another binary picked by mistake.
  if (text.includes('\0')) return { ok: false, fileProblem: 'import.notCsv' }
  const read = readCsvRecords(text)
  if (!read.ok) return { ok: false, fileProblem: 'import.notCsv', detail: String(read.line) }
  const [header, ...data] = read.records
  if (!header) return { ok: false, fileProblem: 'import.fileEmpty' }

  const columns = findColumns(header.cells)
  // Where the administration has units every officer must be placed in one, so the column is as required as the name.
  const required: ImportColumn[] = context.units.length > 0 ? ['email', 'name', 'unit'] : ['email', 'name']
  const missing = required.filter((column) => columns[column] === undefined)
  if (missing.length > 0) return { ok: false, fileProblem: 'import.headerMissing', detail: missing.join(', ') }
  if (data.length === 0) return { ok: false, fileProblem: 'import.fileEmpty' }
  if (data.length > MAX_IMPORT_ROWS) {
    return { ok: false, fileProblem: 'import.tooManyRows', detail: String(data.length) }
  }

  const rows = data.map(rowChecker(columns, context))
  const invalid = rows.filter((row) => row.problems.length > 0).length
  return { ok: true, rows, valid: rows.length - invalid, invalid }
}

function rowChecker(columns: ImportColumns, context: ImportContext): (record: CsvRecord) => ImportRow {
  const units = new Map(context.units.map((unit) => [unitKey(unit.name), unit.id]))
  const seen = new Set<string>()
  return ({ line, cells }) => {
    const raw = (column: ImportColumn) => {
      const index = columns[column]
      return index === undefined ? '' : (cells[index] ?? '')
    }
    const cell = (column: ImportColumn) => raw(column).trim()
    const shown = (column: ImportColumn) => [...raw(column)].slice(0, MAX_SHOWN_CELL).join('')
    const email = cell('email').toLowerCase()
    const displayName = cell('name').replace(/\s+/g, ' ')
    const latinName = normalizeLatinName(cell('latinName')) || null
    const unitName = cell('unit')
    const language = cell('language')
    const unitId = unitName ? (units.get(unitKey(unitName)) ?? null) : null
    const preferredLocale = language ? parseLanguage(language) : guessLocale(displayName)

    const problems: ImportProblem[] = []
    if (!isEmail(email)) problems.push('import.emailInvalid')
    else {
      if (context.takenEmails.has(email)) problems.push('import.emailTaken')
      // The first occurrence stays valid, so fixing the file means deleting the later copies.
      if (seen.has(email)) problems.push('import.emailDuplicate')
      seen.add(email)
    }
    if (!displayName) problems.push('import.nameMissing')
    else if ([...displayName].length > MAX_NAME_LENGTH) problems.push('import.nameTooLong')
    if (latinName && !isLatinName(latinName)) problems.push('import.latinNameInvalid')
    // A unit named where the administration has none is still unknown: the manager expected it to be used.
    if (unitName && !unitId) problems.push('import.unitUnknown')
    if (!unitName && units.size > 0) problems.push('import.unitMissing')
    if (!preferredLocale) problems.push('import.languageInvalid')

    return {
      line,
      email,
      displayName,
      latinName,
      unitId,
      unitName,
      preferredLocale: preferredLocale ?? guessLocale(displayName),
      problems,
      cells: {
        email: shown('email'),
        name: shown('name'),
        latinName: shown('latinName'),
        unit: shown('unit'),
        language: shown('language'),
      },
    }
  }
}

/** Typed by hand, a unit's name drifts from the list in case and spacing, not in words. */
function unitKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Without a language cell: a name written in Cyrillic belongs to an officer of a Russian-speaking
 * service, who is better served in Russian; a Latin-script name (Georgian, Armenian, EU officers
 * write theirs so) gets English. Officers can change it on their account page: a wrong guess costs one click.
 */
function guessLocale(displayName: string): Locale {
  return /[\u0400-\u04ff]/.test(displayName) ? 'ru' : 'en'
}

/**
 * Practical, not RFC 5322: catches what spreadsheets produce (two addresses in a cell, a stray space,
 * a missing domain). The invitation e-mail itself is the real proof that the address works.
 */
function isEmail(email: string): boolean {
  if (email.length > MAX_EMAIL_LENGTH || /\s/.test(email)) return false
  const [local, domain, ...rest] = email.split('@')
  if (rest.length > 0 || !local || !domain) return false
  const labels = domain.split('.')
  return labels.length >= 2 && labels.every((label) => label.length > 0)
}
