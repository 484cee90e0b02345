// What every PDF of the app shares: the DejaVu fonts (Latin and Cyrillic in one face), parsed once, and
// a document's bytes collected into one Buffer. The certificate and the job aids draw the rest themselves.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create, type Font } from 'fontkit'
import PDFDocument from 'pdfkit'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augments pdfkit's global type namespace
  namespace PDFKit.Mixins {
    interface PDFFont {
      // pdfkit also accepts a font fontkit has already parsed (it looks for `layout`); its types omit it.
      registerFont(name: string, src: Font): this
    }
  }
}

// pdfkit given a font file reads and parses it for every document, ~15 ms (`npm run bench -- --only
// certificates`), most of a certificate's cost: parse each once and hand every document the parsed font.
// pdfkit still embeds a subset of it per document.
const fontFile = createRequire(import.meta.url).resolve
const FILES = { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' }
let bytes: { regular: Buffer; bold: Buffer } | undefined
let fonts: { regular: Font; bold: Font } | undefined
function fontBytes() {
  bytes ??= {
    regular: readFileSync(fontFile(`dejavu-fonts-ttf/ttf/${FILES.regular}`)),
    bold: readFileSync(fontFile(`dejavu-fonts-ttf/ttf/${FILES.bold}`)),
  }
  return bytes
}
function parsedFonts() {
  fonts ??= { regular: parse(fontBytes().regular), bold: parse(fontBytes().bold) }
  return fonts
}
function parse(file: Buffer): Font {
  const font = create(file)
  if ('fonts' in font) throw new Error('a font collection, not a font')
  return font
}

/**
 * A new document with the fonts 'regular' and 'bold' registered and no default font parsed. `fonts`:
 * 'shared' hands it the fonts parsed once for the process (the certificate: every one of its documents
 * uses both scripts, and its tests read each back whole); 'own' parses them for this document. Seen with the
 * job aids, one language per document: a sheet in English after one in Russian, both from the shared
 * fonts, read back through pdftotext with the letters Latin shares with Cyrillic shapes (e, a, o, c…) gone.
 * A parsed font keeps per-glyph state across documents; a sheet is worth 15 ms of parsing to be right.
 */
export function createPdfDocument(
  options: PDFKit.PDFDocumentOptions,
  { fonts: which }: { fonts: 'shared' | 'own' },
): PDFKit.PDFDocument {
  // No default font: pdfkit would parse Helvetica's metrics for every document, and never use them.
  const doc = new PDFDocument({ compress: true, ...options, font: '' })
  if (which === 'own') return doc.registerFont('regular', fontBytes().regular).registerFont('bold', fontBytes().bold)
  const { regular, bold } = parsedFonts()
  return doc.registerFont('regular', regular).registerFont('bold', bold)
}

/** The document's bytes once `doc.end()` is called. Call before drawing: pdfkit streams as it goes. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}
