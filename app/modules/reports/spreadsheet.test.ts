import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { neutraliseText } from './formula-guard'
import { type Table, downloadFileName, downloadHeaders, toCsv, toXlsx } from './spreadsheet.server'

const day = new Date(Date.UTC(2026, 10, 23))

const DANGEROUS = [
  '=1+1',
  '+7 900 123-45-67',
  '-2+3',
  '@SUM(A1)',
  '\t=cmd',
  '\r=cmd',
  ' =1+1',
  '\n=1+1',
  '\u200B=1+1',
  '=HYPERLINK("http://x.example","click")',
  "=cmd|' /C calc'!A0",
]
const HARMLESS = ['Ivan', 'e-mail', '2026', 'Иван Петрович', 'A = B', "'=already quoted", 'http://x.example', '   ']

function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false })
}

async function readSheet(table: Table, sheetName = 'Report') {
  const workbook = new ExcelJS.Workbook()
  // exceljs types its input as an ArrayBuffer; a copy into a fresh one satisfies that without a cast.
  await workbook.xlsx.load(new Uint8Array(await toXlsx({ ...table, sheetName })).buffer)
  const [sheet, ...others] = workbook.worksheets
  expect(others).toHaveLength(0)
  if (!sheet) throw new Error('The workbook has no sheet')
  return sheet
}

function allCells(sheet: ExcelJS.Worksheet) {
  const cells: ExcelJS.Cell[] = []
  sheet.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell)))
  return cells
}

describe('neutraliseText', () => {
  it.each(DANGEROUS)('prefixes %j with an apostrophe', (text) => {
    expect(neutraliseText(text)).toBe(`'${text}`)
  })

  it.each(HARMLESS)('leaves %j alone', (text) => {
    expect(neutraliseText(text)).toBe(text)
  })
})

describe('toCsv', () => {
  const table: Table = {
    headers: ['Officer', 'Score', 'Completed'],
    rows: [
      ['Иван Петрович', 87.5, day],
      ['Smith, "Jo"', -5, null],
      ['two\nlines', 0, null],
      ['carriage\rreturn', 100, null],
      ['Жанна 👮‍♀️ ✅', 1e-7, null],
    ],
  }

  it('round-trips through a CSV parser, numbers as written and dates as ISO days', () => {
    expect(parseCsv(toCsv(table))).toEqual([
      ['Officer', 'Score', 'Completed'],
      ['Иван Петрович', '87.5', '2026-11-23'],
      ['Smith, "Jo"', '-5', ''],
      ['two\nlines', '0', ''],
      ['carriage\rreturn', '100', ''],
      ['Жанна 👮‍♀️ ✅', '1e-7', ''],
    ])
  })

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv(table)
    expect(csv.startsWith('\uFEFFOfficer,Score,Completed\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/"[^"]*"/g, '').match(/\r?\n/g)).toEqual(Array(6).fill('\r\n'))
  })

  it('quotes a field with a line break inside, so a spreadsheet keeps it in one cell', () => {
    const csv = toCsv(table)
    expect(csv).toContain('"two\nlines"')
    expect(csv).toContain('"carriage\rreturn"')
  })

  it.each(DANGEROUS)('neutralises %j in headings and cells', (text) => {
    const [headers, row] = parseCsv(toCsv({ headers: [text], rows: [[text]] }))
    expect(headers).toEqual([`'${text}`])
    expect(row).toEqual([`'${text}`])
  })

  it.each(HARMLESS)('keeps %j as it is', (text) => {
    expect(parseCsv(toCsv({ headers: ['Name'], rows: [[text]] }))[1]).toEqual([text])
  })

  it('writes a negative number as a number, not as neutralised text', () => {
    expect(parseCsv(toCsv({ headers: ['Delta'], rows: [[-5], [-0], [-2.25]] })).slice(1)).toEqual([
      ['-5'],
      ['0'],
      ['-2.25'],
    ])
  })

  it('leaves a cell empty for values with no honest rendering', () => {
    const rows = [[Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN)]]
    expect(parseCsv(toCsv({ headers: ['a', 'b', 'c'], rows }))[1]).toEqual(['', '', ''])
  })

  it('refuses a row that does not match the headings', () => {
    expect(() => toCsv({ headers: ['a', 'b'], rows: [['x']] })).toThrow(/row 0 has 1 cells for 2 headings/)
  })
})

describe('toXlsx', () => {
  const table: Table = {
    headers: ['Officer', 'Score', 'Completed', 'Note'],
    rows: [
      ['Иван Петрович', 87.5, day, null],
      ['Smith, "Jo"', -5, null, 'two\nlines'],
      ['Жанна 👮‍♀️', -0, day, 'http://x.example'],
    ],
  }

  it('writes one named sheet with a bold, frozen, filtered header row', async () => {
    const sheet = await readSheet(table, 'Матрица завершения')
    expect(sheet.name).toBe('Матрица завершения')
    expect(sheet.getRow(1).values).toEqual([undefined, 'Officer', 'Score', 'Completed', 'Note'])
    for (let c = 1; c <= 4; c++) expect(sheet.getCell(1, c).font?.bold).toBe(true)
    expect(sheet.getCell(2, 1).font?.bold).toBeFalsy()
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:D4')
  })

  it('puts every value in its cell with its type: text, number, date, empty', async () => {
    const sheet = await readSheet(table)
    expect(sheet.getCell('A2')).toMatchObject({ type: ExcelJS.ValueType.String, value: 'Иван Петрович' })
    expect(sheet.getCell('B2')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 87.5 })
    expect(sheet.getCell('C2')).toMatchObject({ type: ExcelJS.ValueType.Date, value: day, numFmt: 'yyyy-mm-dd' })
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Null)
    expect(sheet.getCell('A3').value).toBe('Smith, "Jo"')
    expect(sheet.getCell('B3')).toMatchObject({ type: ExcelJS.ValueType.Number, value: -5 })
    expect(sheet.getCell('D3').value).toBe('two\nlines')
    expect(sheet.getCell('A4').value).toBe('Жанна 👮‍♀️')
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.Number)
    expect(Math.abs(Number(sheet.getCell('B4').value))).toBe(0)
    expect(sheet.getCell('C4').value).toEqual(day)
  })

  it('writes a URL as plain text, not a hyperlink', async () => {
    const cell = (await readSheet(table)).getCell('D4')
    expect(cell).toMatchObject({ type: ExcelJS.ValueType.String, value: 'http://x.example' })
    expect(cell.hyperlink).toBeUndefined()
  })

  it('gives columns room for their longest value, within bounds', async () => {
    const sheet = await readSheet({ headers: ['N', 'Name', 'Essay'], rows: [[1, 'Иван Петрович', 'x'.repeat(500)]] })
    expect(sheet.getColumn(1).width).toBe(8)
    expect(sheet.getColumn(2).width).toBe('Иван Петрович'.length + 2)
    expect(sheet.getColumn(3).width).toBe(60)
  })

  it.each(DANGEROUS)('stores %j as neutralised text, never as a formula', async (text) => {
    const sheet = await readSheet({ headers: [text], rows: [[text]] })
    for (const cell of [sheet.getCell('A1'), sheet.getCell('A2')]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
      // An XML parser turns a stored CR into LF, so compare what matters: the apostrophe, then the text.
      expect(String(cell.value)).toMatch(/^'/)
      expect(String(cell.value).replace(/\r/g, '\n')).toBe(`'${text}`.replace(/\r/g, '\n'))
    }
  })

  it.each(HARMLESS)('keeps %j as it is', async (text) => {
    expect((await readSheet({ headers: ['Name'], rows: [[text]] })).getCell('A2').value).toBe(text)
  })

  it('has no formula or hyperlink anywhere, whatever the input', async () => {
    const sheet = await readSheet({ headers: DANGEROUS, rows: [DANGEROUS, DANGEROUS.map((_, i) => -i)] })
    const cells = allCells(sheet)
    expect(cells).toHaveLength(DANGEROUS.length * 3)
    for (const cell of cells) {
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type)
      expect(cell.formula).toBeUndefined()
      expect(cell.hyperlink).toBeUndefined()
    }
  })

  it.each([
    ['Matrix: A/B [2026]?', 'Matrix  A B  2026'],
    ["'Quoted'", 'Quoted'],
    ['Матрица завершения курсов по таможенному делу', 'Матрица завершения курсов по та'],
    ['History', 'Report'],
    ['', 'Report'],
  ])('turns the title %j into a sheet name Excel accepts', async (title, expected) => {
    expect((await readSheet({ headers: ['a'], rows: [] }, title)).name).toBe(expected)
  })

  it('refuses a row that does not match the headings', async () => {
    await expect(toXlsx({ headers: ['a'], rows: [['x', 'y']], sheetName: 'R' })).rejects.toThrow(/2 cells/)
  })
})

describe('downloadFileName', () => {
  it.each([
    [['completion-matrix', 'demo-am', '2026-11-23'], 'csv', 'completion-matrix-demo-am-2026-11-23.csv'],
    [['Transcript', 'Иван Петров', '2026-11-23'], 'xlsx', 'transcript-2026-11-23.xlsx'],
    [['Café Łódź'], 'csv', 'cafe-odz.csv'],
    [['../../etc/passwd'], 'csv', 'etc-passwd.csv'],
    [['a..b', 'c\\d', 'e"f\r\ng'], 'xlsx', 'a-b-c-d-e-f-g.xlsx'],
    [['Отчёт'], 'csv', 'report.csv'],
    [[], 'xlsx', 'report.xlsx'],
    [['--A--', '', '__B__'], 'csv', 'a-b.csv'],
  ] as const)('turns %j into a safe .%s name', (parts, extension, expected) => {
    expect(downloadFileName([...parts], extension)).toBe(expected)
  })

  it('keeps a long name to 100 characters before the extension', () => {
    const name = downloadFileName(['x'.repeat(99), 'yy'], 'csv')
    expect(name).toBe(`${'x'.repeat(99)}.csv`)
  })
})

describe('downloadHeaders', () => {
  it('serves a CSV as a private, unsniffable attachment', () => {
    expect(downloadHeaders('completion-matrix-2026-11-23.csv', 'csv')).toEqual({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="completion-matrix-2026-11-23.csv"',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  it('gives an XLSX its own MIME type', () => {
    expect(downloadHeaders('transcript.xlsx', 'xlsx')['Content-Type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
  })

  it.each([
    ['../report.csv', 'csv'],
    ['a"b.csv', 'csv'],
    ['report.csv\r\nSet-Cookie: x=1', 'csv'],
    ['report.csv', 'xlsx'],
    ['Report.csv', 'csv'],
    ['.csv', 'csv'],
  ] as const)('refuses the name %j for a .%s download', (fileName, extension) => {
    expect(() => downloadHeaders(fileName, extension)).toThrow(/Unsafe download file name/)
  })
})
