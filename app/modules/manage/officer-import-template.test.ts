import { describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/config'
import { parseOfficerCsv } from './officer-import'
import { officerImportTemplate } from './officer-import-template'

const units = [{ id: 'u1', name: 'Bagratashen border post' }]

/** The template as the download writes it: a header line and the example, separated as `delimiter`. */
function asCsv(table: { headers: string[]; rows: string[][] }, delimiter: string) {
  return [table.headers, ...table.rows].map((cells) => cells.join(delimiter)).join('\r\n')
}

describe('the officer file template', () => {
  it.each(LOCALES.flatMap((locale) => [',', ';'].map((delimiter) => [locale, delimiter] as const)))(
    'in %s, separated by %j, is read by the import with every column and no problem',
    (locale, delimiter) => {
      const template = officerImportTemplate({ locale, unitName: units[0]!.name })
      const report = parseOfficerCsv(asCsv(template, delimiter), { takenEmails: new Set(), units })
      expect(report).toMatchObject({ ok: true, valid: 1, invalid: 0 })
      if (!report.ok) return
      expect(report.rows[0]).toMatchObject({ unitId: 'u1', preferredLocale: locale, problems: [] })
      expect(report.rows[0]?.latinName).toMatch(/^[A-Za-z ]+$/)
    },
  )

  it('leaves the unit empty for an administration without units', () => {
    const template = officerImportTemplate({ locale: 'en', unitName: null })
    const report = parseOfficerCsv(asCsv(template, ','), { takenEmails: new Set(), units: [] })
    expect(report).toMatchObject({ ok: true, valid: 1 })
  })
})
