import { describe, expect, it } from 'vitest'
import { downloadName } from './download-button'

describe('downloadName', () => {
  it('takes the name the server gives, else the last part of the address', () => {
    expect(downloadName('attachment; filename="certificate-aeo-7K2M.pdf"', '/en/certificates/x/pdf')).toBe(
      'certificate-aeo-7K2M.pdf',
    )
    expect(downloadName('attachment; filename=report.csv', '/x')).toBe('report.csv')
    expect(downloadName(null, '/en/certificates/abc/pdf')).toBe('pdf')
  })
})
