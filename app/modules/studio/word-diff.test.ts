import { describe, expect, it } from 'vitest'
import { wordDiff } from './word-diff'

describe('wordDiff', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(
      wordDiff({ before: 'Check the seal number.', after: 'Check the container seal number twice.', locale: 'en' }),
    ).toEqual([
      { text: 'Check the ', change: 'same' },
      { text: 'container ', change: 'added' },
      { text: 'seal number ', change: 'same' },
      { text: 'twice', change: 'added' },
      { text: '.', change: 'same' },
    ])
  })

  it('treats a Cyrillic word as one word, not as letters', () => {
    const parts = wordDiff({ before: 'Проверьте пломбу.', after: 'Проверьте номер пломбы.', locale: 'ru' })
    expect(parts.filter((part) => part.change !== 'same').map((part) => [part.change, part.text.trim()])).toEqual([
      ['removed', 'пломбу'],
      ['added', 'номер пломбы'],
    ])
  })

  it('gives nothing for two empty texts and one unchanged part for equal texts', () => {
    expect(wordDiff({ before: '', after: '', locale: 'en' })).toEqual([])
    expect(wordDiff({ before: 'Same.', after: 'Same.', locale: 'en' })).toEqual([{ text: 'Same.', change: 'same' }])
    expect(wordDiff({ before: '', after: 'New text', locale: 'en' })).toEqual([{ text: 'New text', change: 'added' }])
  })
})
