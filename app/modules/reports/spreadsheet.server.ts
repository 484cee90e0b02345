import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { neutraliseText } from './formula-guard'
import type { ReportFormat } from './report-format'

export type Cell = string | number | Date | null

export interface Table {
  /** Column headings, already translated into the reader's language by the caller. */
  headers: string[]
  rows: Cell[][]
}

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 BOM (so Excel opens Cyrillic correctly); every text cell neutralised.
 * `delimiter` `;` for a file meant to be opened by Excel set to Russian, whose list separator it is.
 */
export function toCsv(table: Table, { delimiter = ',' }: { delimiter?: ',' | ';' } = {}): string {
  const records = [table.headers, ...rectangularRows(table)].map((cells) => cells.map(csvField))
  // csv-stringify quotes a field holding the whole CRLF but not one holding a lone LF or CR; a spreadsheet would
  // start a new row there.
  return stringify(records, { bom: true, delimiter, record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

/** One-sheet XLSX: bold header row, frozen, auto filter, sensible column widths; dates as dates, numbers as numbers. */
export async function toXlsx(table: Table & { sheetName: string }): Promise<Buffer> {
  const { headers } = table
  const rows = rectangularRows(table)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetTitle(table.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(headers.map(neutraliseText)).font = { bold: true }
  // Only plain strings, numbers and dates reach exceljs: an object value is how it spells a formula or a hyperlink.
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      const cell = sheet.getCell(r + 2, c + 1)
      cell.value = safeValue(value)
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd'
    }),
  )
  headers.forEach((header, c) => {
    sheet.getColumn(c + 1).width = columnWidth([header, ...rows.map((cells) => cells[c] ?? null)])
  })
  if (headers.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The file name for a download: ASCII-only, no path characters, e.g. `completion-matrix-demo-am-2026-11-23.csv`. */
export function downloadFileName(parts: string[], extension: ReportFormat): string {
  // NFKD splits "é" into "e" and an accent, so only the accent is dropped; Cyrillic disappears whole (the
  // caller's ASCII parts, such as slugs and dates, carry the meaning).
  const stem = parts
    .join('-')
    .normalize('NFKD')
    .replace(/\P{ASCII}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 100)
    .replace(/^-+|-+$/g, '')
  return `${stem || 'report'}.${extension}`
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Response headers for a download of a report file. */
export function downloadHeaders(fileName: string, extension: ReportFormat): Record<string, string> {
  // The name goes into a header as it is: a quote, a CR/LF or a slash would break it or the saved path, so only
  // what downloadFileName produces is accepted.
  if (!new RegExp(`^[a-z0-9-]+\\.${extension}$`).test(fileName)) {
    throw new Error(`Unsafe download file name: ${JSON.stringify(fileName)}`)
  }
  return {
    'Content-Type': CONTENT_TYPES[extension],
    'Content-Disposition': `attachment; filename="${fileName}"`,
    // Reports name people and their results: no shared cache may keep them.
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}

// A row longer or shorter than the headings would put values under the wrong column without anyone noticing.
function rectangularRows({ headers, rows }: Table) {
  const bad = rows.findIndex((cells) => cells.length !== headers.length)
  if (bad !== -1) throw new Error(`Report row ${bad} has ${rows[bad]?.length} cells for ${headers.length} headings`)
  return rows
}

// NaN, Infinity and an invalid Date have no honest rendering in either format: they become an empty cell.
function safeValue(value: Cell): Cell {
  if (typeof value === 'string') return neutraliseText(value)
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  return null
}

function csvField(value: Cell) {
  const safe = safeValue(value)
  if (safe instanceof Date) return isoDate(safe)
  return safe === null ? '' : String(safe)
}

// UTC, as exceljs stores dates, so the CSV and the XLSX of one report show the same day.
function isoDate(date: Date) {
  return date.toISOString().slice(0, 10)
}

// Excel refuses these characters, a name starting or ending with an apostrophe, over 31 characters or "History";
// exceljs throws (or warns on the console and cuts) instead of repairing the translated title.
function sheetTitle(name: string) {
  const title = name
    .replace(/[*?:/\\[\]]/g, ' ')
    .slice(0, 31)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/^[\s']+|[\s']+$/g, '')
  return title === '' || title.toLowerCase() === 'history' ? 'Report' : title
}

function columnWidth(values: Cell[]) {
  const longest = Math.max(...values.map((value) => displayLength(safeValue(value))))
  return Math.min(Math.max(longest + 2, 8), 60)
}

function displayLength(value: Cell) {
  if (value === null) return 0
  if (value instanceof Date) return 10
  return Math.max(
    ...String(value)
      .split(/\r\n|\r|\n/)
      .map((line) => [...line].length),
  )
}
