import { CsvError, parse } from 'csv-parse/sync'

export interface CsvRecord {
  /** Where the record starts in the file, counting every line (blank ones too), from 1. */
  line: number
  cells: string[]
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; line: number }

export function decodeUpload(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '')
  // Excel's "Unicode text" export is UTF-16LE with a BOM; the decoders below drop their BOMs themselves.
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch {
    // Russian-locale Excel saves "CSV" in Windows-1251; Cyrillic in it is almost never valid UTF-8 by chance.
    return new TextDecoder('windows-1251').decode(input)
  }
}

/**
 * Non-blank records with their first line. A record of empty cells (`;;;`, how a spreadsheet
 * exports an empty row) is as blank to the manager as an empty line, so it is left out too.
 */
export function readCsvRecords(text: string): CsvRead {
  // One kind of line break, so a record's first line is its last line minus the breaks inside its quoted cells.
  const normalised = text.replace(/\r\n?/g, '\n')
  const records: CsvRecord[] = []
  let lastLine = 0
  try {
    parse(normalised, {
      delimiter: detectDelimiter(normalised),
      relax_column_count: true, // a short row is missing its optional cells, not broken
      relax_quotes: true, // hand-made files have `пост "Баграташен"` unquoted; a spreadsheet would have doubled them
      skip_empty_lines: true,
      on_record: (cells, { lines }) => {
        lastLine = lines
        const breaks = cells.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0)
        if (cells.some((cell) => cell.trim())) records.push({ line: lines - breaks, cells })
        return null
      },
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    // The parser blames where it gave up (for an unclosed quote, the end of the file); the manager
    // needs the line where the broken record starts: the first non-blank one after the last good record.
    const start = normalised.split('\n').findIndex((line, index) => index >= lastLine && line.trim())
    return { ok: false, line: start >= 0 ? start + 1 : lastLine + 1 }
  }
  return { ok: true, records }
}

/**
 * Excel writes `;` where the decimal separator is a comma (Russian locale), `,` elsewhere, and tabs
 * when a sheet is pasted into a text file. The header decides, with quoted text left out.
 */
function detectDelimiter(text: string): string {
  const header = (text.split('\n').find((line) => line.trim()) ?? '').replace(/"(?:[^"]|"")*"/g, '')
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 }))
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter
}
