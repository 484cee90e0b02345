import { describe, expect, it } from 'vitest'
import { PROBLEM_COLUMN } from './officer-import-problems'
import { context, noUnits, problemsByLine, rowsOf } from './officer-import.fixtures'

describe('parseOfficerCsv: the name in Latin script (ADR 029)', () => {
  it('reads an optional latinName column, under its English or Russian header, normalized', () => {
    const rows = rowsOf(
      [
        'email,name,latinName',
        'a@x.am,Гаяне Саргсян,  Gayane   Sargsyan ',
        "b@x.am,Шон О'Нил,Sean O’Neill-Smith Jr.",
        'c@x.am,Ion Ţurcan,Ion Ţurcan',
        'd@x.am,Иван Петров,',
      ].join('\n'),
      noUnits,
    )
    expect(rows.map((row) => [row.latinName, row.problems])).toEqual([
      ['Gayane Sargsyan', []],
      ['Sean O’Neill-Smith Jr.', []],
      ['Ion Ţurcan', []],
      [null, []],
    ])
    expect(rowsOf('Почта;ФИО;ФИО латиницей\na@x.am;Иван;Ivan\n', noUnits)[0]?.latinName).toBe('Ivan')
  })

  it.each([['Иван Петров'], ['Ivan2'], ['Ivan_Petrov'], ['-Ivan'], ['I'.repeat(121)]])(
    'refuses %j as a name in Latin script',
    (latinName) => {
      expect(problemsByLine(`email,name,latin name\na@x.am,Иван,${latinName}\n`, noUnits)).toEqual({
        2: ['import.latinNameInvalid'],
      })
    },
  )
})

describe('what the report shows beside a problem', () => {
  it('is the cell as the line has it, not the value read from it or a default', () => {
    const csv =
      'email,name,latinName,unit,language\n Not An Email ,Анна  Петросян,Анна,Bagratashen border post,Deutsch\n'
    const [row] = rowsOf(csv)
    expect(row?.problems).toEqual(['import.emailInvalid', 'import.latinNameInvalid', 'import.languageInvalid'])
    // The language the officer would have got (a guess from the name) is not what the line said.
    expect(row?.preferredLocale).toBe('ru')
    expect(row?.cells).toEqual({
      email: ' Not An Email ',
      name: 'Анна  Петросян',
      latinName: 'Анна',
      unit: 'Bagratashen border post',
      language: 'Deutsch',
    })
    for (const problem of row?.problems ?? []) expect(PROBLEM_COLUMN[problem]).toBeDefined()
  })

  it('is cut at 200 characters', () => {
    const [row] = rowsOf(`email,name\n${'a'.repeat(500)},Anna Petrosyan\n`, { ...context, units: [] })
    expect(row?.cells.email).toHaveLength(200)
  })
})
