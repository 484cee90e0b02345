import { describe, expect, it } from 'vitest'
import { type DescribedHandle, pageDescription } from './meta'

const summary: DescribedHandle = { description: (data) => (data as { summary?: string }).summary }

describe('pageDescription', () => {
  it('takes the deepest route that describes itself', () => {
    const matches = [
      { handle: summary, data: { summary: 'Outer' } },
      { handle: summary, data: { summary: 'Inner  course\n summary' } },
      { handle: { i18n: ['common'] }, data: {} },
    ]
    expect(pageDescription(matches, 'Site')).toBe('Inner course summary')
  })

  it('falls back to the site description without data, or with an empty one', () => {
    expect(pageDescription([{ handle: summary, data: undefined }], 'Site')).toBe('Site')
    expect(pageDescription([{ handle: summary, data: { summary: '  ' } }], 'Site')).toBe('Site')
    expect(pageDescription([], 'Site')).toBe('Site')
  })

  it('keeps a long description to 160 characters', () => {
    const long = pageDescription([{ handle: summary, data: { summary: 'word '.repeat(60) } }], 'Site')
    expect(long.length).toBeLessThanOrEqual(160)
    expect(long.endsWith('…')).toBe(true)
  })
})
