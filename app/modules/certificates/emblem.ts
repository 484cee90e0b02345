// The certificate's emblem: a globe in a laurel wreath, drawn as vector paths. It is our own design,
// deliberately not any organisation's logo, and costs no image in the PDF.

interface EmblemOptions {
  /** Centre of the emblem, in points. */
  x: number
  y: number
  /** Outer diameter of the wreath, in points. */
  size: number
  colors: { globe: string; sea: string; laurel: string }
}

const LEAVES_PER_BRANCH = 8

export function drawEmblem(doc: PDFKit.PDFDocument, { x, y, size, colors }: EmblemOptions) {
  const globe = size * 0.3
  doc.save().lineWidth(size / 60)
  doc.circle(x, y, globe).fillAndStroke(colors.sea, colors.globe)
  doc.ellipse(x, y, globe * 0.45, globe).stroke()
  doc
    .moveTo(x, y - globe)
    .lineTo(x, y + globe)
    .stroke()
  // The equator and two parallels, as chords of the circle.
  for (const offset of [-0.5, 0, 0.5]) {
    const halfWidth = globe * Math.sqrt(1 - offset * offset)
    doc
      .moveTo(x - halfWidth, y + offset * globe)
      .lineTo(x + halfWidth, y + offset * globe)
      .stroke()
  }
  for (const side of [-1, 1]) drawBranch(doc, { x, y, radius: size * 0.42, side, color: colors.laurel })
  doc.restore()
}

/** One half of the wreath: leaves along an arc from the bottom of the globe up to its shoulder. */
function drawBranch(
  doc: PDFKit.PDFDocument,
  { x, y, radius, side, color }: { x: number; y: number; radius: number; side: number; color: string },
) {
  // φ is the angle from the bottom of the circle, so the same formula serves both sides.
  const at = (phi: number, r = radius) => [x + side * r * Math.sin(phi), y + r * Math.cos(phi)] as const
  const [startX, startY] = at(0.25)
  doc.moveTo(startX, startY)
  for (let phi = 0.35; phi <= 2.45; phi += 0.1) doc.lineTo(...at(phi))
  doc.lineWidth(radius / 30).stroke(color)

  for (let leaf = 0; leaf < LEAVES_PER_BRANCH; leaf += 1) {
    const phi = 0.4 + (leaf * 2) / (LEAVES_PER_BRANCH - 1)
    // Each leaf grows from the stem towards the top, alternately leaning out of and into the wreath.
    const along = (Math.atan2(-Math.sin(phi), side * Math.cos(phi)) * 180) / Math.PI
    const lean = side * (leaf % 2 === 0 ? 40 : -40)
    const length = radius * (0.2 - leaf * 0.01)
    doc
      .save()
      .translate(...at(phi))
      .rotate(along + lean)
      .ellipse(length, 0, length, length * 0.4)
      .fill(color)
      .restore()
  }
}
