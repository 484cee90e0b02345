import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from './manage.schema'
import { MAX_IMPORT_ROWS, parseOfficerCsv } from './officer-import'
import { context, noUnits, problemsByLine, rowsOf } from './officer-import.fixtures'

function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0)
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
    if (code < 0x80) return code
    throw new Error(`not in this test's cp1251 table: ${char}`)
  })
}

function utf16le(text: string): Uint8Array {
  const bytes = [0xff, 0xfe]
  for (const char of text) bytes.push(char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8)
  return Uint8Array.from(bytes)
}

describe('parseOfficerCsv: rows', () => {
  it('reports every line of a mixed file with its own problems', () => {
    const csv = [
      'email,name,unit,language', // 1
      'Anna.Petrosyan@Customs.am , Anna   Petrosyan ,bagratashen  BORDER post,en', // 2
      'not-an-email,Armen Sargsyan,Bagratashen border post,', // 3
      '', // 4
      'taken@customs.am,Taken Officer,Bagratashen border post,ru', // 5
      'anna.petrosyan@customs.am,,Nowhere post,de', // 6
      'ivanov@customs.ru,Иван Иванов,,', // 7
    ].join('\n')
    const report = parseOfficerCsv(csv, context)
    expect(report).toEqual({
      ok: true,
      valid: 1,
      invalid: 4,
      rows: [
        {
          line: 2,
          email: 'anna.petrosyan@customs.am',
          displayName: 'Anna Petrosyan',
          latinName: null,
          unitId: 'u1',
          unitName: 'bagratashen  BORDER post',
          preferredLocale: 'en',
          problems: [],
          cells: expect.objectContaining({ email: expect.any(String), unit: 'bagratashen  BORDER post' }),
        },
        expect.objectContaining({ line: 3, problems: ['import.emailInvalid'] }),
        expect.objectContaining({ line: 5, problems: ['import.emailTaken'] }),
        expect.objectContaining({
          line: 6,
          unitId: null,
          unitName: 'Nowhere post',
          problems: ['import.emailDuplicate', 'import.nameMissing', 'import.unitUnknown', 'import.languageInvalid'],
        }),
        expect.objectContaining({ line: 7, preferredLocale: 'ru', problems: ['import.unitMissing'] }),
      ],
    })
  })

  it('marks every later copy of an e-mail as a duplicate, whatever its case, and keeps the first valid', () => {
    const csv = 'email,name\na@customs.ge,A\nb@customs.ge,B\nA@Customs.GE,A again\na@customs.ge,A thrice\n'
    expect(problemsByLine(csv, noUnits)).toEqual({
      2: [],
      3: [],
      4: ['import.emailDuplicate'],
      5: ['import.emailDuplicate'],
    })
  })

  it('reports a taken e-mail written in another case, and a taken duplicate twice over', () => {
    const csv = 'email,name\nTAKEN@customs.am,A\ntaken@customs.am,B\n'
    expect(problemsByLine(csv, { ...context, units: [] })).toEqual({
      2: ['import.emailTaken'],
      3: ['import.emailTaken', 'import.emailDuplicate'],
    })
  })

  it.each([
    ['officer@customs.am', true],
    ['o.fficer+tag@mail.customs.gov.by', true],
    ['', false],
    ['officer', false],
    ['@customs.am', false],
    ['officer@', false],
    ['officer@customs', false],
    ['officer@customs.', false],
    ['officer@.am', false],
    ['officer@@customs.am', false],
    ['a@b.am@c.am', false],
    ['off icer@customs.am', false],
    [`${'a'.repeat(244)}@customs.am`, false], // 255 characters
    [`${'a'.repeat(243)}@customs.am`, true], // 254 characters
  ])('checks the e-mail %j', (email, valid) => {
    const [row] = rowsOf(`email,name\n"${email}",Officer\n`, noUnits)
    expect(row?.problems).toEqual(valid ? [] : ['import.emailInvalid'])
  })

  it('requires a name of at most 120 characters, counting whitespace once', () => {
    const csv = [
      'email,name',
      `a@x.am,${'Ж'.repeat(120)}`,
      `b@x.am,${'Ж'.repeat(121)}`,
      `c@x.am,${'Ж'.repeat(60)}     ${'Ж'.repeat(59)}`,
      'd@x.am,   ',
    ].join('\n')
    expect(problemsByLine(csv, noUnits)).toEqual({
      2: [],
      3: ['import.nameTooLong'],
      4: [],
      5: ['import.nameMissing'],
    })
  })

  it('matches units ignoring case and spacing, and keeps the unit name as written', () => {
    const csv = 'email,name,unit\na@x.am,A,"  таможенный   пост «звартноц» "\nb@x.am,B,Zvartnots\nc@x.am,C,\n'
    expect(rowsOf(csv).map(({ line, unitId, unitName, problems }) => ({ line, unitId, unitName, problems }))).toEqual([
      { line: 2, unitId: 'u2', unitName: 'таможенный   пост «звартноц»', problems: [] },
      { line: 3, unitId: null, unitName: 'Zvartnots', problems: ['import.unitUnknown'] },
      { line: 4, unitId: null, unitName: '', problems: ['import.unitMissing'] },
    ])
  })

  it('makes the unit optional when the administration has no units, but still rejects a named one', () => {
    expect(parseOfficerCsv('email,name\na@x.am,A\n', noUnits)).toMatchObject({ ok: true, valid: 1 })
    expect(problemsByLine('email,name,unit\na@x.am,A,\nb@x.am,B,Some post\n', noUnits)).toEqual({
      2: [],
      3: ['import.unitUnknown'],
    })
  })

  it('reads the language column in English or Russian words and abbreviations', () => {
    const values = ['EN', 'English', 'английский', 'Англ.', 'ru', 'Russian', 'Русский', 'рус', 'рус.']
    const csv = ['email,name,language', ...values.map((value, index) => `o${index}@x.am,Officer,${value}`)].join('\n')
    expect(rowsOf(csv, noUnits).map((row) => [row.preferredLocale, row.problems])).toEqual([
      ...Array(4).fill(['en', []]),
      ...Array(5).fill(['ru', []]),
    ])
  })

  it('rejects a language the platform does not offer, still guessing one for the preview', () => {
    const [row] = rowsOf('email,name,language\na@x.am,Ивана Петрова,Deutsch\n', noUnits)
    expect(row).toMatchObject({ preferredLocale: 'ru', problems: ['import.languageInvalid'] })
  })

  it('guesses Russian for a Cyrillic name and English otherwise when the language is left out', () => {
    const csv = 'email,name,language\na@x.am,Олег Бондаренко,\nb@x.am,Giorgi Beridze,\nc@x.am,Ali Ёлкин,\n'
    expect(rowsOf(csv, noUnits).map((row) => row.preferredLocale)).toEqual(['ru', 'en', 'ru'])
    expect(rowsOf('email,name\na@x.am,Мария Ким\n', noUnits)[0]?.preferredLocale).toBe('ru')
  })
})

describe('parseOfficerCsv: file formats', () => {
  it('reads a semicolon file with Russian headers in any order, ignoring extra columns', () => {
    const csv =
      'Подразделение;Табельный номер;ФИО;Язык;Электронная почта\r\nBagratashen border post;123;Иван Петров;рус;ivan@customs.am\r\n'
    expect(rowsOf(csv)).toEqual([
      {
        line: 2,
        email: 'ivan@customs.am',
        displayName: 'Иван Петров',
        latinName: null,
        unitId: 'u1',
        unitName: 'Bagratashen border post',
        preferredLocale: 'ru',
        problems: [],
        cells: {
          email: 'ivan@customs.am',
          name: 'Иван Петров',
          latinName: '',
          unit: 'Bagratashen border post',
          language: 'рус',
        },
      },
    ])
  })

  it.each([
    ['E-Mail,Full Name,Unit/Post', ','],
    ['эл. почта;Ф.И.О.;пост', ';'],
    ['ПОЧТА\tф. и. о.\tunit / post', '\t'],
    ['e-mail,display_name,POST,locale', ','],
  ])('recognises the header %j', (header, delimiter) => {
    const row = ['a@x.am', 'Officer', 'Bagratashen border post', 'en'].join(delimiter)
    const [parsed] = rowsOf(`${header}\n${row}\n`)
    expect(parsed).toMatchObject({ email: 'a@x.am', displayName: 'Officer', unitId: 'u1', problems: [] })
  })

  it('leaves commas inside quoted header cells out of the delimiter count', () => {
    const csv = '"Notes, remarks, misc, more";email;Имя;Unit\n"x, y";a@x.am;A;Bagratashen border post\n'
    expect(rowsOf(csv)).toMatchObject([{ email: 'a@x.am', displayName: 'A', unitId: 'u1', problems: [] }])
  })

  it('reads a tab-separated file', () => {
    const rows = rowsOf('name\temail\nAnna, the officer\tanna@x.am\n', noUnits)
    expect(rows).toMatchObject([{ line: 2, email: 'anna@x.am', displayName: 'Anna, the officer', problems: [] }])
  })

  it('strips a byte order mark from text and from UTF-8 bytes', () => {
    const csv = '\uFEFFemail,name\na@x.am,Анна\n'
    expect(rowsOf(csv, noUnits)).toMatchObject([{ email: 'a@x.am', displayName: 'Анна', problems: [] }])
    expect(rowsOf(new TextEncoder().encode(csv), noUnits)).toMatchObject([{ email: 'a@x.am', displayName: 'Анна' }])
  })

  it('falls back to Windows-1251 for bytes that are not UTF-8', () => {
    const bytes = cp1251(
      'ФИО;Почта;Подразделение\r\nСергей Васильевич Иванов;s.ivanov@customs.by;Bagratashen border post\r\n',
    )
    expect(rowsOf(bytes)).toMatchObject([
      { line: 2, displayName: 'Сергей Васильевич Иванов', email: 's.ivanov@customs.by', preferredLocale: 'ru' },
    ])
  })

  it('reads UTF-16 with a byte order mark, as Excel saves "Unicode text"', () => {
    const rows = rowsOf(utf16le('email\tname\r\nb@x.am\tБорис Ли\r\n'), noUnits)
    expect(rows).toMatchObject([{ line: 2, email: 'b@x.am', displayName: 'Борис Ли', problems: [] }])
  })

  it('keeps line numbers true across quoted commas and line breaks, blank lines and empty rows', () => {
    const csv = [
      'email,name,unit', // 1
      '', // 2
      'a@x.am,"Petrosyan, Anna",Bagratashen border post', // 3
      'b@x.am,"Line one', // 4
      '', // 5
      'line three",Bagratashen border post', // 6
      ',,', // 7: an empty spreadsheet row
      '   ', // 8
      'c@x.am,"He said ""hi""",Bagratashen border post', // 9
      'bad,C,Bagratashen border post', // 10
    ].join('\r\n')
    expect(rowsOf(csv).map((row) => [row.line, row.displayName, row.problems])).toEqual([
      [3, 'Petrosyan, Anna', []],
      [4, 'Line one line three', []],
      [9, 'He said "hi"', []],
      [10, 'C', ['import.emailInvalid']],
    ])
  })

  it('counts lines after old Mac line breaks and a header preceded by blank lines', () => {
    expect(problemsByLine('\r\remail,name\r\ra@x.am,A\rbad,B', noUnits)).toEqual({
      5: [],
      6: ['import.emailInvalid'],
    })
  })

  it('accepts a quote inside an unquoted cell, as in hand-made files', () => {
    const [row] = rowsOf('email;name;unit\na@x.am;Ivan;Таможенный пост "Звартноц"\n', noUnits)
    expect(row).toMatchObject({ unitName: 'Таможенный пост "Звартноц"', problems: ['import.unitUnknown'] })
  })

  it('fills the cells a short row leaves out with nothing', () => {
    expect(problemsByLine('email,name,unit,language\na@x.am\n')).toEqual({
      2: ['import.nameMissing', 'import.unitMissing'],
    })
  })
})

describe('parseOfficerCsv: file problems', () => {
  it.each([
    ['an empty file', ''],
    ['blank lines only', '\n\r\n  \n'],
    ['a header followed by blank lines and empty rows', 'email,name\n\n,\n,,\n'],
  ])('says %s is empty', (_, csv) => {
    expect(parseOfficerCsv(csv, noUnits)).toEqual({ ok: false, fileProblem: 'import.fileEmpty' })
  })

  it.each([
    ['email', 'fullname,unit\n', noUnits],
    ['name', 'email;unit\n', noUnits],
    ['email, name', 'Surname,Phone\na,b\n', noUnits],
    ['unit', 'email,name,Department\na@x.am,A,Customs\n', context], // units exist, so the column is required
  ])('names the missing column(s) %j', (detail, csv, ctx) => {
    expect(parseOfficerCsv(csv, ctx)).toEqual({ ok: false, fileProblem: 'import.headerMissing', detail })
  })

  it('says which line an unclosed quote starts on, not where the parser gave up', () => {
    const csv = 'email,name\na@x.am,A\n\nb@x.am,"Unclosed\nc@x.am,C\nd@x.am,D\n'
    expect(parseOfficerCsv(csv, noUnits)).toEqual({ ok: false, fileProblem: 'import.notCsv', detail: '4' })
  })

  it('refuses a spreadsheet or other binary file', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])
    expect(parseOfficerCsv(zip, noUnits)).toEqual({ ok: false, fileProblem: 'import.notCsv' })
  })

  it(`accepts ${MAX_IMPORT_ROWS} rows and refuses one more, counting no blank lines`, () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `o${index}@x.am,Officer ${index}`)
    const csv = (count: number) => ['email,name', ...lines(count), '', ',', ''].join('\n')
    expect(parseOfficerCsv(csv(MAX_IMPORT_ROWS), noUnits)).toMatchObject({ ok: true, valid: MAX_IMPORT_ROWS })
    expect(parseOfficerCsv(csv(MAX_IMPORT_ROWS + 1), noUnits)).toEqual({
      ok: false,
      fileProblem: 'import.tooManyRows',
      detail: String(MAX_IMPORT_ROWS + 1),
    })
  })

  it('measures the size in bytes, for text and for uploads alike', () => {
    const header = 'email,name\n'
    const fits = header + 'x'.repeat(MAX_IMPORT_BYTES - header.length)
    expect(parseOfficerCsv(fits, noUnits)).toMatchObject({ ok: true })
    expect(parseOfficerCsv(fits + 'x', noUnits)).toEqual({ ok: false, fileProblem: 'import.fileTooLarge' })
    // Half as many characters, but Cyrillic takes two bytes each in UTF-8.
    const cyrillic = header + 'я'.repeat(MAX_IMPORT_BYTES / 2)
    expect(parseOfficerCsv(cyrillic, noUnits)).toEqual({ ok: false, fileProblem: 'import.fileTooLarge' })
    expect(parseOfficerCsv(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), noUnits)).toEqual({
      ok: false,
      fileProblem: 'import.fileTooLarge',
    })
  })

  it('never throws, whatever it is given', () => {
    const inputs = [
      '"',
      '""',
      '","\n',
      '\0',
      'email,name\n"a@x.am',
      'email\n\u00e9',
      ';;;\n\t\t',
      'email,name\n"x"y"z,a',
    ]
    for (const input of [...inputs, ...inputs.map((text) => new TextEncoder().encode(text))]) {
      expect(() => parseOfficerCsv(input, context)).not.toThrow()
    }
    expect(() => parseOfficerCsv(Uint8Array.from([0xff, 0xfe, 0x00]), context)).not.toThrow()
  })
})
