// The certificate as a one-page A4 landscape PDF in English and Russian at once, whatever the reader's
// language: it is shown to employers and auditors of either language. Hence its texts live here rather
// than in the i18n namespaces.
import { collectPdf, createPdfDocument } from '~/modules/pdf/pdf-document.server'
import { formatDate, formatScore } from '~/utils/format'
import { TEXTS, namesOnCertificate, type Lang } from './certificate-texts'
import { drawEmblem } from './emblem'
import { drawQrCode } from './qr-code'

export interface CertificateSnapshot {
  /** Grouped Crockford base32 code, e.g. "7Q2M-0K4T-..." (already formatted by the caller). */
  code: string
  learnerName: string
  /** The name in Latin script for the English half, when the learner has one (ADR 029). */
  learnerNameLatin: string | null
  administrationName: { en: string; ru: string }
  courseTitle: { en: string; ru: string }
  courseVersion: number
  /** Final exam score in percent (0–100, may have decimals) or null when the course has no exam. */
  finalScore: number | null
  completedAt: Date
  issuedAt: Date
  expiresAt: Date | null
}

// Day, month, year in both languages ("23 November 2026"), as the region writes dates, not "November 23".
const LOCALES: Record<Lang, string> = { en: 'en-GB', ru: 'ru' }
const COLORS = { navy: '#1f3a5f', gold: '#a8862b', ink: '#222222', muted: '#5a5a5a', sea: '#e6edf5' }
// A long name shrinks to the minimum, then wraps onto more lines: it is never cut.
const NAME_SIZE = { max: 30, second: 22, min: 16 }
const QR_SIZE = 96
/** Left and right edge of the text, and where the footer begins: everything above it flows. */
const LAYOUT = { side: 80, top: 40, emblem: 72, footerTop: 445 }

export async function renderCertificatePdf({
  certificate,
  verifyUrl,
}: {
  certificate: CertificateSnapshot
  verifyUrl: string
}): Promise<Buffer> {
  const doc = createDocument(certificate)
  const pdf = collectPdf(doc)
  drawFrame(doc)
  drawBody(doc, certificate)
  drawFooter(doc, certificate, verifyUrl)
  doc.end()
  return pdf
}

function createDocument(c: CertificateSnapshot) {
  return createPdfDocument(
    {
      size: 'A4',
      layout: 'landscape',
      margin: 0, // the layout places everything itself; a margin would only make pdfkit add pages
      lang: 'en',
      info: {
        Title: `Certificate of completion / Сертификат: ${c.courseTitle.en}`,
        Author: 'Customs e-Training',
        Subject: `${learnerNames(c)}: ${c.courseTitle.en} / ${c.courseTitle.ru} (${c.code})`,
        Keywords: c.code,
        CreationDate: c.issuedAt, // not the time of rendering: the same certificate, the same file
      },
    },
    { fonts: 'shared' },
  )
}

function drawFrame(doc: PDFKit.PDFDocument) {
  const { width, height } = doc.page
  doc
    .lineWidth(2.5)
    .rect(18, 18, width - 36, height - 36)
    .stroke(COLORS.navy)
  doc
    .lineWidth(0.8)
    .rect(25, 25, width - 50, height - 50)
    .stroke(COLORS.gold)
}

/** A block of centred text: its height is measured first, so the whole body can be centred. */
interface Block {
  text: string
  font: 'regular' | 'bold'
  size: number
  color: string
  gap: number
}

function drawBody(doc: PDFKit.PDFDocument, c: CertificateSnapshot) {
  const width = doc.page.width - 2 * LAYOUT.side
  const room = LAYOUT.footerTop - 10 - LAYOUT.top
  // Unusually long names or titles: everything shrinks together until it fits above the footer.
  let scale = 1
  let body = measureBody(doc, c, width, scale)
  while (body.total > room && scale > 0.6) body = measureBody(doc, c, width, (scale -= 0.05))

  let y = LAYOUT.top + Math.max(0, (room - body.total) / 2)
  const middle = doc.page.width / 2
  const colors = { globe: COLORS.navy, sea: COLORS.sea, laurel: COLORS.gold }
  drawEmblem(doc, { x: middle, y: y + body.emblem / 2, size: body.emblem, colors })
  y += body.emblem
  body.blocks.forEach((block, i) => {
    y += block.gap
    doc.font(block.font, block.size).fillColor(block.color).text(block.text, LAYOUT.side, y, { width, align: 'center' })
    y += body.heights[i]!
  })
  y += body.details.gap
  doc
    .lineWidth(0.6)
    .moveTo(middle, y)
    .lineTo(middle, y + body.details.height)
    .stroke(COLORS.gold)
  const { size, width: columnWidth } = body.details
  doc.font('regular', size).fillColor(COLORS.ink)
  doc.text(detailLines(c, 'en'), middle - 20 - columnWidth, y, { width: columnWidth, align: 'right', lineGap: 3 })
  doc.text(detailLines(c, 'ru'), middle + 20, y, { width: columnWidth, lineGap: 3 })
}

/** Sizes and heights of the body at `scale`: the emblem, the centred blocks, then the two columns of details. */
function measureBody(doc: PDFKit.PDFDocument, c: CertificateSnapshot, width: number, scale: number) {
  const block = (text: string, font: Block['font'], size: number, color: string, gap: number): Block => ({
    text,
    font,
    color,
    size: size * scale,
    gap: gap * scale,
  })
  const names = namesOnCertificate(c)
  const nameSize = (name: string, max: number) =>
    fitFontSize(doc.font('bold'), name, width, { max: max * scale, min: NAME_SIZE.min * scale }) / scale
  // One name, or the English half's Latin name over the name as registered (as the two headings are).
  const nameBlocks = [
    block(names.en, 'bold', nameSize(names.en, NAME_SIZE.max), COLORS.ink, 6),
    ...(names.en === names.ru ? [] : [block(names.ru, 'bold', nameSize(names.ru, NAME_SIZE.second), COLORS.ink, 2)]),
  ]
  const blocks = [
    block(TEXTS.en.heading, 'bold', 24, COLORS.navy, 12),
    block(TEXTS.ru.heading, 'bold', 15, COLORS.gold, 4),
    block(`${TEXTS.en.intro} · ${TEXTS.ru.intro}`, 'regular', 10.5, COLORS.muted, 12),
    ...nameBlocks,
    block(administration(c), 'regular', 10.5, COLORS.ink, 2),
    block(`${TEXTS.en.completed} · ${TEXTS.ru.completed}`, 'regular', 10.5, COLORS.muted, 6),
    block(c.courseTitle.en, 'bold', 17, COLORS.navy, 6),
    block(c.courseTitle.ru, 'bold', 14, COLORS.navy, 2),
  ]
  const heights = blocks.map(({ text, font, size }) => doc.font(font, size).heightOfString(text, { width }))
  const details = { size: 9.5 * scale, width: width / 2 - 30, gap: 14 * scale, height: 0 }
  doc.font('regular', details.size)
  details.height = Math.max(
    ...(['en', 'ru'] as const).map((lang) =>
      doc.heightOfString(detailLines(c, lang), { width: details.width, lineGap: 3 }),
    ),
  )
  const emblem = LAYOUT.emblem * scale
  const text = blocks.reduce((sum, { gap }, i) => sum + gap + heights[i]!, 0)
  return { emblem, blocks, heights, details, total: emblem + text + details.gap + details.height }
}

/** The names for the document's metadata: "Ivan Petrov / Иван Петров", or the one name. */
function learnerNames(c: CertificateSnapshot) {
  const { en, ru } = namesOnCertificate(c)
  return en === ru ? en : `${en} / ${ru}`
}

/** The learner's administration, under the name: once when both languages name it alike. */
function administration({ administrationName: { en, ru } }: CertificateSnapshot) {
  return en === ru ? en : `${en}\n${ru}`
}

function detailLines(c: CertificateSnapshot, lang: Lang): string {
  const t = TEXTS[lang]
  return [
    ...(c.finalScore === null ? [] : [`${t.finalScore}: ${formatScore(c.finalScore, LOCALES[lang])}%`]),
    `${t.completedAt}: ${formatDate(c.completedAt, LOCALES[lang])}`,
    `${t.issuedAt}: ${formatDate(c.issuedAt, LOCALES[lang])}`,
    ...(c.expiresAt === null ? [] : [`${t.expiresAt}: ${formatDate(c.expiresAt, LOCALES[lang])}`]),
    `${t.courseVersion}: ${c.courseVersion}`,
  ].join('\n')
}

/** The largest size, down to `min`, at which `text` fits on one line of `width`; below `min` it wraps. */
function fitFontSize(doc: PDFKit.PDFDocument, text: string, width: number, { max, min }: { max: number; min: number }) {
  let size = max
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.5
  return size
}

function drawFooter(doc: PDFKit.PDFDocument, c: CertificateSnapshot, verifyUrl: string) {
  const top = LAYOUT.footerTop
  const right = doc.page.width - LAYOUT.side + 10
  const signature = { x: LAYOUT.side, width: 270 }
  doc
    .lineWidth(0.8)
    .moveTo(signature.x, top + 62)
    .lineTo(signature.x + signature.width, top + 62)
    .stroke(COLORS.ink)
  doc.font('regular', 8).fillColor(COLORS.muted)
  doc.text(`${TEXTS.en.signatory}\n${TEXTS.ru.signatory}`, signature.x, top + 68, {
    width: signature.width,
    lineGap: 2,
  })

  const centre = { x: signature.x + signature.width + 20, width: right - QR_SIZE - signature.x - signature.width - 50 }
  doc.font('regular', 8.5).fillColor(COLORS.muted)
  doc.text(`${TEXTS.en.code} · ${TEXTS.ru.code}`, centre.x, top + 30, { width: centre.width, align: 'center' })
  // The code is typed from paper: kept on one line, never broken at its dashes.
  doc.font('bold').fontSize(fitFontSize(doc, c.code, centre.width, { max: 14, min: 8 }))
  doc.fillColor(COLORS.ink).text(c.code, { width: centre.width, align: 'center', lineBreak: false })
  doc.font('regular', 7.5).fillColor(COLORS.muted)
  doc.text(`${TEXTS.en.verify}\n${TEXTS.ru.verify}`, { width: centre.width, align: 'center', lineGap: 1.5 })

  drawQrCode(doc, verifyUrl, { x: right - QR_SIZE, y: top + 2, size: QR_SIZE })
  // Likewise one line: a URL broken across lines cannot be copied.
  const urlWidth = 320
  doc.font('regular').fontSize(fitFontSize(doc, verifyUrl, urlWidth, { max: 7, min: 4 }))
  doc.fillColor(COLORS.ink).text(verifyUrl, right - urlWidth, top + QR_SIZE + 6, {
    width: urlWidth,
    align: 'right',
    lineBreak: false,
  })
}

/**
 * The QR code as vector squares, one path filled once: sharper and smaller than an embedded image,
 * and no seams between neighbouring modules when rasterised. Consecutive dark modules of a row are
 * merged into one rectangle to keep the path short.
 */
