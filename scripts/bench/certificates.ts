// The certificate PDF as one part of `npm run bench`: rendered in this process, with no server and no
// database, since a download costs the render plus one query. Baselines from the same run say how
// much of that is pdfkit itself (a minimal page in the same font) and the QR code.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create } from 'fontkit'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { renderCertificatePdf, type CertificateSnapshot } from '~/modules/certificates/certificate-pdf.server'
import { sampleCertificate } from '../../tests/support/sample-certificate'
import { formatCode, generateCode } from '~/modules/certificates/code'
import { positiveInt } from './options'
import { markdownTable, percentile, runHeader, verdict, writeResults } from './report'

const RUNS = positiveInt('BENCH_CERTIFICATES', 200)
const WARMUP = 20
const GOAL_MEDIAN_MS = 30
const GOAL_BYTES = 100 * 1024
const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf')

const NAMES = ['Александра Константиновна Виноградова-Преображенская', "Maria-Luisa O'Connor"]

/** A new code each time, as the app makes them, so no two certificates (and QR codes) are alike. */
function certificate(run: number): { certificate: CertificateSnapshot; verifyUrl: string } {
  const code = formatCode(generateCode())
  return {
    certificate: sampleCertificate({ code, learnerName: NAMES[run % 2]! }),
    verifyUrl: `https://training.example.org/verify/${code}`,
  }
}

function parseFont() {
  const font = create(readFileSync(FONT))
  if ('fonts' in font) throw new Error(`${FONT} is a font collection`)
  return font
}

/**
 * One page, one line of text in the renderer's font: pdfkit's own cost per document. With the font's
 * path instead of the parsed font, as pdfkit is usually given fonts, it reads and parses it every time.
 */
const parsedFont = parseFont()
function minimalPage(font: 'parsed once' | 'path'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', compress: true, font: '' })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  if (font === 'path') doc.registerFont('serif', FONT)
  else doc.registerFont('serif', parsedFont)
  doc.font('serif', 24).text(`Сертификат · Certificate ${formatCode(generateCode())}`, 60, 60)
  doc.end()
  return done
}

interface Series {
  name: string
  what: string
  ms: number[]
  bytes: number[]
}

async function measure(name: string, what: string, runs: number, work: (run: number) => unknown): Promise<Series> {
  for (let run = 0; run < Math.min(WARMUP, runs); run += 1) await work(run)
  const series: Series = { name, what, ms: [], bytes: [] }
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now()
    const result = await work(run)
    series.ms.push(performance.now() - started)
    if (Buffer.isBuffer(result)) series.bytes.push(result.length)
  }
  series.ms.sort((a, b) => a - b)
  series.bytes.sort((a, b) => a - b)
  return series
}

/** Missed goals are reported, as in the other parts; only a failed render fails the run. */
export async function runCertificates({ log, loadBefore }: { log(line: string): void; loadBefore: number }) {
  log(`Certificates: ${WARMUP} warm-up renders, then ${RUNS}…`)
  const inputs = Array.from({ length: RUNS }, (_, run) => certificate(run))
  const coldStarted = performance.now()
  await renderCertificatePdf(inputs[0]!) // the first one also loads and parses the fonts
  const coldMs = performance.now() - coldStarted

  const full = await measure('certificate', 'renderCertificatePdf, Cyrillic and Latin names in turn', RUNS, (run) =>
    renderCertificatePdf(inputs[run]!).then((pdf) => {
      if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('the renderer returned no PDF')
      return pdf
    }),
  )
  const page = await measure('minimal page (baseline)', 'pdfkit: one A4 page, one line, same font', RUNS, () =>
    minimalPage('parsed once'),
  )
  const qr = await measure('QR code only', 'QRCode.create of the verification URL, level M', RUNS, (run) =>
    QRCode.create(inputs[run]!.verifyUrl, { errorCorrectionLevel: 'M' }),
  )
  const byPath = await measure(
    'minimal page, font by path',
    'the same page, the font file read and parsed per document (what the renderer avoids)',
    RUNS,
    () => minimalPage('path'),
  )

  const median = (values: number[]) => percentile(values, 50)
  const kib = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1024).toFixed(1))
  const rows = [full, page, byPath, qr].map((s) => [
    s.name,
    s.what,
    String(s.ms.length),
    ...[median(s.ms), percentile(s.ms, 95), s.ms.at(-1)!].map((ms) => ms.toFixed(2)),
    s.bytes.length ? `${kib(s.bytes[0])} / ${kib(median(s.bytes))} / ${kib(s.bytes.at(-1))}` : '—',
    s === page ? 'baseline' : (median(s.ms) / median(page.ms)).toFixed(2),
  ])
  const header = [
    'Measurement',
    'What',
    'runs',
    'median ms',
    'p95 ms',
    'max ms',
    'KiB min / median / max',
    '÷ baseline',
  ]
  const maxBytes = full.bytes.at(-1)!
  const results = [
    ...runHeader(`${loadBefore.toFixed(2)} before the run`),
    `- Load: in the benchmark's own process, one at a time, after ${WARMUP} warm-up runs; wall time from the call ` +
      `to the finished Buffer. A new code and verification URL per certificate.`,
    `- First certificate after start (loads and parses the two fonts): ${coldMs.toFixed(0)} ms`,
    '',
    markdownTable([header, ...rows]),
    '',
    `- Certificate median: ${median(full.ms).toFixed(1)} ms, goal ≤ ${GOAL_MEDIAN_MS} ms: ` +
      `**${verdict(median(full.ms) <= GOAL_MEDIAN_MS)}**`,
    `- Certificate size: at most ${maxBytes} bytes (${kib(maxBytes)} KiB), goal ≤ 100 KB (${GOAL_BYTES} bytes): ` +
      `**${verdict(maxBytes <= GOAL_BYTES)}**`,
  ].join('\n')
  const title = 'Certificate PDF'
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  writeResults('certificates', title, results)
  log('BENCHMARKS.md updated.')
}
