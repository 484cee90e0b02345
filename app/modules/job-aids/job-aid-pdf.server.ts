// A job aid (issue 17) as a one-page A4 PDF in one language: a sheet printed and kept at the post.
// One function both measures and draws the sheet, so what is measured is what is drawn; a long sheet
// shrinks a little to stay on one page, and the package validator refuses one that still does not fit.
import type { Locale } from '~/i18n/config'
import { cellText, type JobAid, type JobAidBlock } from '~/modules/content/job-aid.schema'
import { collectPdf, createPdfDocument } from '~/modules/pdf/pdf-document.server'

const COLORS = { navy: '#1f3a5f', gold: '#a8862b', ink: '#222222', muted: '#5a5a5a', sea: '#e6edf5', rule: '#9aa7b5' }
const PAGE = { side: 42, top: 40, bottom: 40 }
/** Sizes at scale 1; a sheet that does not fit is drawn smaller, down to MIN_SCALE. */
const SIZE = { course: 8.5, title: 17, purpose: 10, heading: 11, text: 9.8, cell: 8.8, sources: 7.5 }
const MIN_SCALE = 0.8
const BLANK_ROW = 19

/** The words around the content, in the sheet's language. */
export interface JobAidFrame {
  courseTitle: string
  /** "Sources", and the line at the foot naming the platform. */
  sourcesLabel: string
  footer: string
}

type Doc = PDFKit.PDFDocument
type Pen = { doc: Doc; locale: Locale; scale: number; draw: boolean; y: number }

export async function renderJobAidPdf({
  aid,
  locale,
  frame,
  date,
}: {
  aid: JobAid
  locale: Locale
  frame: JobAidFrame
  /** The sheet's date in its metadata (the course's last import): the same sheet, the same bytes. */
  date: Date
}): Promise<Buffer> {
  const doc = createPdfDocument(
    {
      size: 'A4',
      margin: 0, // the layout places everything itself; a margin would only make pdfkit add pages
      lang: locale,
      info: { Title: aid.title[locale] ?? aid.slug, Author: 'Customs e-Training', CreationDate: date, ModDate: date },
    },
    { fonts: 'own' },
  )
  const pdf = collectPdf(doc)
  const scale = fittingScale(doc, aid, locale, frame)
  layOut({ doc, locale, scale, draw: true, y: PAGE.top }, aid, frame)
  doc.end()
  return pdf
}

/** How many A4 pages the sheet needs in `locale` at its smallest: 1 when it fits, as it must. */
export function jobAidPages(aid: JobAid, locale: Locale): number {
  const doc = createPdfDocument({ size: 'A4', margin: 0 }, { fonts: 'own' })
  const frame = { courseTitle: 'Course', sourcesLabel: 'Sources', footer: 'Customs e-Training' }
  const height = layOut({ doc, locale, scale: MIN_SCALE, draw: false, y: PAGE.top }, aid, frame)
  doc.end()
  return Math.max(1, Math.ceil((height - PAGE.top) / (doc.page.height - PAGE.top - PAGE.bottom)))
}

function fittingScale(doc: Doc, aid: JobAid, locale: Locale, frame: JobAidFrame) {
  const bottom = doc.page.height - PAGE.bottom
  let scale = 1
  while (scale > MIN_SCALE && layOut({ doc, locale, scale, draw: false, y: PAGE.top }, aid, frame) > bottom)
    scale = Math.round((scale - 0.05) * 100) / 100
  return scale
}

/** Lays the sheet out from `pen.y`, drawing only when `pen.draw`; returns where it ends. */
function layOut(pen: Pen, aid: JobAid, frame: JobAidFrame): number {
  const { doc, locale } = pen
  const width = doc.page.width - 2 * PAGE.side
  paragraph(pen, frame.courseTitle, { font: 'regular', size: SIZE.course, color: COLORS.muted, width })
  paragraph(pen, aid.title[locale] ?? '', { font: 'bold', size: SIZE.title, color: COLORS.navy, width, before: 2 })
  paragraph(pen, aid.purpose[locale] ?? '', {
    font: 'regular',
    size: SIZE.purpose,
    color: COLORS.ink,
    width,
    before: 3,
  })
  pen.y += 4 * pen.scale
  if (pen.draw)
    doc
      .lineWidth(1.2)
      .moveTo(PAGE.side, pen.y)
      .lineTo(PAGE.side + width, pen.y)
      .stroke(COLORS.gold)
  for (const block of aid.blocks) drawBlock(pen, block, width)
  pen.y += 10 * pen.scale
  // The sources and the footer sit at the foot of the page, where a printed form has them.
  const foot = { ...pen, draw: false }
  footer(foot, aid, frame, width)
  if (pen.draw) pen.y = Math.max(pen.y, doc.page.height - PAGE.bottom - (foot.y - pen.y))
  footer(pen, aid, frame, width)
  return pen.y
}

function footer(pen: Pen, aid: JobAid, frame: JobAidFrame, width: number) {
  const sources = `${frame.sourcesLabel}: ${aid.sources[pen.locale] ?? ''}`
  paragraph(pen, sources, { font: 'regular', size: SIZE.sources, color: COLORS.muted, width })
  paragraph(pen, frame.footer, { font: 'regular', size: SIZE.sources, color: COLORS.muted, width, before: 2 })
}

function drawBlock(pen: Pen, block: JobAidBlock, width: number) {
  const { locale } = pen
  pen.y += 10 * pen.scale
  paragraph(pen, block.heading[locale] ?? '', { font: 'bold', size: SIZE.heading, color: COLORS.navy, width })
  pen.y += 3 * pen.scale
  switch (block.kind) {
    case 'steps':
      block.items.forEach((item, index) => marked(pen, `${index + 1}.`, item[locale] ?? '', width))
      return
    case 'checklist':
      block.items.forEach((item) => marked(pen, null, item[locale] ?? '', width))
      return
    case 'table':
      return table(pen, block, width)
    case 'note':
      return note(pen, block.text[locale] ?? '', width)
  }
}

type TextStyle = { font: 'regular' | 'bold'; size: number; color: string; width: number; before?: number; x?: number }

function paragraph(pen: Pen, text: string, { font, size, color, width, before = 0, x = PAGE.side }: TextStyle) {
  const { doc, scale } = pen
  pen.y += before * scale
  doc.font(font, size * scale)
  const height = doc.heightOfString(text, { width, lineGap: 1.5 * scale })
  if (pen.draw) doc.fillColor(color).text(text, x, pen.y, { width, lineGap: 1.5 * scale })
  pen.y += height
}

/** A step with its number, or a checklist point with a box to tick (`mark` null). */
function marked(pen: Pen, mark: string | null, text: string, width: number) {
  const { doc, scale } = pen
  const indent = 20 * scale
  const top = pen.y + 2.5 * scale
  if (pen.draw) {
    if (mark === null) {
      const box = 8.5 * scale
      doc
        .lineWidth(0.8)
        .rect(PAGE.side + 2, top + 1, box, box)
        .stroke(COLORS.ink)
    } else {
      doc
        .font('bold', SIZE.text * scale)
        .fillColor(COLORS.navy)
        .text(mark, PAGE.side, top, { lineBreak: false })
    }
  }
  pen.y = top
  paragraph(pen, text, {
    font: 'regular',
    size: SIZE.text,
    color: COLORS.ink,
    width: width - indent,
    x: PAGE.side + indent,
  })
}

function table(pen: Pen, block: Extract<JobAidBlock, { kind: 'table' }>, width: number) {
  const { doc, locale, scale } = pen
  const columns = block.columns.length
  const cellWidth = width / columns
  const pad = 3 * scale
  const rows = [block.columns, ...block.rows].map((row) => row.map((value) => cellText(value, locale) ?? ''))
  rows.forEach((cells, index) => {
    const header = index === 0
    doc.font(header ? 'bold' : 'regular', SIZE.cell * scale)
    const height = Math.max(...cells.map((text) => doc.heightOfString(text, { width: cellWidth - 2 * pad }))) + 2 * pad
    if (pen.draw) {
      if (header) doc.rect(PAGE.side, pen.y, width, height).fill(COLORS.sea)
      doc.fillColor(COLORS.ink)
      cells.forEach((text, column) => {
        const x = PAGE.side + column * cellWidth + pad
        doc.text(text, x, pen.y + pad, { width: cellWidth - 2 * pad, align: columns > 6 ? 'center' : 'left' })
      })
      grid(doc, pen.y, height, width, columns)
    }
    pen.y += height
  })
  for (let blank = 0; blank < block.blankRows; blank++) {
    const height = BLANK_ROW * scale
    if (pen.draw) grid(doc, pen.y, height, width, columns)
    pen.y += height
  }
}

function grid(doc: Doc, y: number, height: number, width: number, columns: number) {
  doc.lineWidth(0.5).strokeColor(COLORS.rule)
  doc.rect(PAGE.side, y, width, height).stroke()
  for (let column = 1; column < columns; column++) {
    const x = PAGE.side + (column * width) / columns
    doc
      .moveTo(x, y)
      .lineTo(x, y + height)
      .stroke()
  }
}

/** A paragraph on a tinted band with a gold edge: a warning or an example stands out on the sheet. */
function note(pen: Pen, text: string, width: number) {
  const { doc, scale } = pen
  const pad = 6 * scale
  doc.font('regular', SIZE.text * scale)
  const height = doc.heightOfString(text, { width: width - 3 * pad, lineGap: 1.5 * scale }) + 2 * pad
  if (pen.draw) {
    doc.rect(PAGE.side, pen.y, width, height).fill(COLORS.sea)
    doc.rect(PAGE.side, pen.y, 3, height).fill(COLORS.gold)
  }
  const top = pen.y
  pen.y += pad
  paragraph(pen, text, {
    font: 'regular',
    size: SIZE.text,
    color: COLORS.ink,
    width: width - 3 * pad,
    x: PAGE.side + 2 * pad,
  })
  pen.y = top + height
}
