// The sheet as a reader gets it: its text and pages read back with poppler-utils (pdftotext, pdfinfo).
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { jobAidSchema } from '~/modules/content/job-aid.schema'
import { poppler, withPdfFile } from '../../../tests/support/pdf-inspect'
import { jobAidPages, renderJobAidPdf } from './job-aid-pdf.server'

const aid = jobAidSchema.parse(parse(await readFile('tests/fixtures/job-aids/sample-seal-check.yaml', 'utf8')))
const frame = {
  courseTitle: 'Контроль грузов и контейнеров',
  sourcesLabel: 'Источники',
  footer: 'Таможенное электронное обучение',
}
const date = new Date('2026-12-01T00:00:00Z')

async function read(locale: 'en' | 'ru') {
  const pdf = await renderJobAidPdf({ aid, locale, frame, date })
  return withPdfFile(pdf, (file) => ({
    pdf,
    text: poppler('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' '),
    info: poppler('pdfinfo', [file]),
  }))
}

describe('a job aid as a PDF', () => {
  it('is one A4 page in the language asked for, every block on it', async () => {
    const { text, info } = await read('ru')
    expect(info).toMatch(/^Pages:\s+1$/m)
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m)
    expect(info).toMatch(/^Title:\s+Проверка пломбы на посту$/m)
    for (const expected of [
      'Контроль грузов и контейнеров',
      'Проверка пломбы на посту',
      '1. Осмотрите пломбу и запорную штангу на предмет повреждений.',
      'Сверьте номер пломбы с документами.',
      'Следов вскрытия нет',
      'Журнал пломб',
      'CSQU3054383',
      'Если номер не совпадает',
      'Источники: ISO 17712:2013',
    ])
      expect(text).toContain(expected)
    expect(text).not.toContain('Seal check at the post')
  })

  it('says the same in English, and the same sheet is the same bytes', async () => {
    const { pdf, text } = await read('en')
    expect(text).toContain('2. Verify the number against the documents.')
    expect(Buffer.from((await read('en')).pdf).equals(Buffer.from(pdf))).toBe(true)
  })

  it('counts the pages a sheet too long for one would need', () => {
    expect(jobAidPages(aid, 'ru')).toBe(1)
    const long = { ...aid, blocks: Array.from({ length: 8 }, () => aid.blocks[2]!) }
    expect(jobAidPages(long, 'ru')).toBeGreaterThan(1)
  })
})
