import { describe, expect, it } from 'vitest'
import { mediaNameFromLink, mediaUrl } from './media'

describe('mediaNameFromLink', () => {
  it('names the media file a body links to', () => {
    expect(mediaNameFromLink('../../media/seal.svg')).toBe('seal.svg')
    expect(mediaNameFromLink('../../media/seal%20types.svg')).toBe('seal types.svg')
    expect(mediaNameFromLink('../../media/seal.svg#part')).toBe('seal.svg')
  })

  it('refuses links that leave the media folder or the package', () => {
    for (const link of [
      'seal.svg',
      '../seal.svg',
      '../../../media/seal.svg',
      '../../media/sub/seal.svg',
      '../../../../media/seal.svg',
      '..\\..\\media\\seal.svg',
      '../../media/%E0%A4%A.svg',
      '/media/seal.svg',
      'https://example.org/seal.svg',
      'data:image/svg+xml,<svg/>',
      'javascript:alert(1)',
    ]) {
      expect(mediaNameFromLink(link), link).toBeNull()
    }
  })
})

describe('mediaUrl', () => {
  it('carries a short content hash so the address changes with the file', () => {
    expect(mediaUrl({ courseSlug: 'aeo', name: 'safe pillars.svg', sha256: 'ab'.repeat(32) })).toBe(
      '/media/courses/aeo/safe%20pillars.svg?v=abababababab',
    )
  })
})
