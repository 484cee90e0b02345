import { parseOfficerCsv, type ImportContext, type ImportRow } from './officer-import'

// Fixtures shared by the officer-import tests (the parser's rows and formats; the Latin name and the report).

export const context: ImportContext = {
  takenEmails: new Set(['taken@customs.am']),
  units: [
    { id: 'u1', name: 'Bagratashen border post' },
    { id: 'u2', name: 'Таможенный пост «Звартноц»' },
  ],
}
export const noUnits: ImportContext = { takenEmails: new Set(), units: [] }

export function rowsOf(input: string | Uint8Array, ctx: ImportContext = context): ImportRow[] {
  const report = parseOfficerCsv(input, ctx)
  if (!report.ok) throw new Error(`expected rows, got ${report.fileProblem} ${report.detail ?? ''}`)
  return report.rows
}

/** Line number → problems, the way the preview lists them. */
export function problemsByLine(input: string | Uint8Array, ctx: ImportContext = context) {
  return Object.fromEntries(rowsOf(input, ctx).map((row) => [row.line, row.problems]))
}

/** Windows-1251 by hand: А..я are one contiguous block at 0xC0, the rest used here is ASCII. */
