import QRCode from 'qrcode'

/**
 * The QR code as vector rectangles (one per run of dark modules in a row) on a white quiet zone:
 * smaller and sharper than an embedded image at any zoom or print size.
 */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  { x, y, size }: { x: number; y: number; size: number },
) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const cell = size / modules.size
  const quietZone = 4 * cell // the margin the standard requires around the symbol
  doc.rect(x - quietZone, y - quietZone, size + 2 * quietZone, size + 2 * quietZone).fill('#ffffff')
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1
        continue
      }
      const start = col
      while (col < modules.size && modules.get(row, col)) col += 1
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell)
    }
  }
  doc.fill('#000000')
}
