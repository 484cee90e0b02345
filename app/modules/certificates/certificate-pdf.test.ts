// The certificate is checked as a reader gets it: text, fonts, pages and the QR code are read back
// from the PDF with poppler-utils, the tools a Debian machine opens PDFs with.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { firstPageQrCode, poppler } from '../../../tests/support/pdf-inspect'
import { sampleCertificate } from '../../../tests/support/sample-certificate'
import { renderCertificatePdf, type CertificateSnapshot } from './certificate-pdf.server'

const CODE = '7Q2M-0K4T-9XJP-3V8D-M6RW-2ZHC-5T1N'
const VERIFY_URL = `https://training.example.org/verify/${CODE}`

const certificate = sampleCertificate({ code: CODE })

const dir = mkdtempSync(path.join(os.tmpdir(), 'certificate-pdf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let renders = 0
async function render(changes: Partial<CertificateSnapshot> = {}) {
  const pdf = await renderCertificatePdf({ certificate: { ...certificate, ...changes }, verifyUrl: VERIFY_URL })
  const file = path.join(dir, `certificate-${++renders}.pdf`)
  writeFileSync(file, pdf)
  return { pdf, file, text: poppler('pdftotext', ['-layout', file, '-']) }
}

/** Height of the first word box with this text, in points: a font size read back from the page. */
function wordHeight(file: string, word: string): number {
  const boxes = poppler('pdftotext', ['-bbox', file, '-'])
  const box = new RegExp(`yMin="([\\d.]+)"[^>]*yMax="([\\d.]+)">${word}</word>`).exec(boxes)
  if (!box) throw new Error(`"${word}" not found on the page`)
  return Number(box[2]) - Number(box[1])
}

describe('renderCertificatePdf', () => {
  test('prints both languages, the dates, the score and the code', async () => {
    const { text } = await render()
    for (const expected of [
      'CERTIFICATE OF COMPLETION',
      'СЕРТИФИКАТ О ПРОХОЖДЕНИИ ОБУЧЕНИЯ',
      'Иван Петрович Сидоров',
      'Cargo and container control',
      'Контроль грузов и контейнеров',
      'State Customs Service (demo)',
      'Государственная таможенная служба (демо)',
      '23 November 2026',
      '23 ноября 2026 г.',
      '24 November 2026',
      '24 ноября 2026',
      'Valid until: 23 November 2029',
      'Действителен до: 23 ноября 2029',
      '87.5%',
      '87,5%',
      'Course version: 3',
      'Версия курса: 3',
      'Head of Training',
      CODE,
      VERIFY_URL,
    ]) {
      expect(text).toContain(expected)
    }
  })

  test('a Latin name, no exam and no expiry: no score and no "valid until"', async () => {
    const { text } = await render({ learnerName: "Maria-Luisa O'Connor", finalScore: null, expiresAt: null })
    expect(text).toContain("Maria-Luisa O'Connor")
    for (const absent of ['Final exam score', 'Результат итогового экзамена', 'Valid until', 'Действителен до']) {
      expect(text).not.toContain(absent)
    }
  })

  test("a Latin name too: the English half's name first, then the name as registered (ADR 029)", async () => {
    const { file, text } = await render({ learnerNameLatin: 'Ivan Petrovich Sidorov' })
    const latin = text.indexOf('Ivan Petrovich Sidorov')
    expect(latin).toBeGreaterThan(-1)
    expect(text.indexOf('Иван Петрович Сидоров')).toBeGreaterThan(latin)
    expect(wordHeight(file, 'Сидоров')).toBeLessThan(wordHeight(file, 'Sidorov'))
    expect(poppler('pdfinfo', [file])).toMatch(/^Subject:\s+Ivan Petrovich Sidorov \/ Иван Петрович Сидоров: /m)
  })

  test('one A4 landscape page with title and language set', async () => {
    const { file } = await render()
    const info = poppler('pdfinfo', [file])
    expect(info).toMatch(/^Pages:\s+1$/m)
    expect(info).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m)
    expect(info).toMatch(/^Title:\s+Certificate of completion .*Cargo and container control$/m)
  })

  test('embeds subsets of its own fonts and none of the standard 14', async () => {
    const { file } = await render()
    const rows = poppler('pdffonts', [file]).trim().split('\n').slice(2) // two header lines
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      // name, type (two words), encoding, emb, sub, uni, object id
      expect(row).toMatch(/^[A-Z]{6}\+DejaVu\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/)
    }
  })

  test('a long name shrinks, then wraps onto more lines, and is never cut', async () => {
    const normal = await render()
    const russian = await render({ learnerName: 'Александра Константиновна Виноградова-Преображенская' })
    expect(russian.text).toContain('Александра Константиновна Виноградова-Преображенская') // still one line
    expect(wordHeight(russian.file, 'Александра')).toBeLessThan(wordHeight(normal.file, 'Иван') - 3)

    const words = Array.from({ length: 11 }, (_, i) => `Longname${String(i + 1).padStart(2, '0')}`)
    const longName = words.join(' ')
    expect(longName).toHaveLength(120)
    const long = await render({ learnerName: longName })
    for (const word of words) expect(long.text).toContain(word)
    const lines = long.text.split('\n')
    const lineOf = (word: string) => lines.findIndex((line) => line.includes(word))
    expect(lineOf('Longname11')).toBeGreaterThan(lineOf('Longname01'))
    expect(poppler('pdfinfo', [long.file])).toMatch(/^Pages:\s+1$/m)
  })

  test('long titles and a long name shrink the body instead of running into the footer', async () => {
    const { file, text } = await render({
      learnerName:
        'Maximilian-Alexander Konstantinopoulos Worthington-Smythe de la Cruz y Fernández Oberhauser-Lindqvist',
      courseTitle: {
        en: 'Advanced risk management, post-clearance audit and authorised economic operator programmes for customs administrations of the Europe region',
        ru: 'Углублённый курс управления рисками, постаудита и программ уполномоченных экономических операторов для таможенных администраций Европейского региона',
      },
    })
    const lines = text.split('\n')
    const lineOf = (words: string) => lines.findIndex((line) => line.includes(words))
    expect(lineOf('Версия курса: 3')).toBeGreaterThanOrEqual(0)
    expect(lineOf('Версия курса: 3')).toBeLessThan(lineOf('Certificate code'))
    expect(poppler('pdfinfo', [file])).toMatch(/^Pages:\s+1$/m)
  })

  test('the QR code, read from the page at 100 dpi, is the verification URL', async () => {
    const { pdf } = await render()
    expect(firstPageQrCode(pdf)).toBe(VERIFY_URL)
  })

  test('the same certificate renders to the same bytes', async () => {
    const first = await render()
    const second = await render()
    expect(second.pdf.equals(first.pdf)).toBe(true)
  })

  test('stays under 100 KB', async () => {
    const { pdf } = await render({ learnerName: 'Александра Константиновна Виноградова-Преображенская' })
    expect(pdf.length).toBeLessThanOrEqual(100 * 1024)
  })
})
