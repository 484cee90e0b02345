// Reads a PDF back as a reader gets it, with poppler-utils (the tools a Debian machine opens PDFs
// with): its text, its fonts, its pages, and the QR code on its first page.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** Runs a poppler-utils tool; its absence fails the test, since a skipped check would prove nothing. */
export function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' })
  if (result.error) {
    const missing = 'code' in result.error && result.error.code === 'ENOENT'
    throw new Error(
      missing ? `${tool} not found: install poppler-utils (apt-get install poppler-utils)` : result.error.message,
    )
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

/** Runs `work` on the PDF saved in a temporary directory, removed afterwards. */
export function withPdfFile<T>(pdf: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-inspect-'))
  try {
    const file = path.join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    return work(file, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of the PDF, laid out as on the page. */
export const pdfText = (pdf: Uint8Array) => withPdfFile(pdf, (file) => poppler('pdftotext', ['-layout', file, '-']))

/** The text of the QR code on the first page, rendered at 100 dpi as a phone camera would see it; null if none. */
export function firstPageQrCode(pdf: Uint8Array): string | null {
  return withPdfFile(pdf, (file, dir) => {
    const image = path.join(dir, 'page')
    poppler('pdftoppm', ['-png', '-r', '100', '-singlefile', file, image])
    const png = PNG.sync.read(readFileSync(`${image}.png`))
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
  })
}
