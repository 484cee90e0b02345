import { describe, expect, it } from 'vitest'
import { fieldPosition } from '~/modules/quiz/answer-fields'
import { AnswerQueue, answerFields, readStoredAnswers, retryDelayMs, storeAnswers } from './unsaved-answers'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

describe('AnswerQueue', () => {
  it('forgets a question once a save sent after its last change is acknowledged', () => {
    const queue = new AnswerQueue()
    queue.changed(2)
    queue.changed(0)
    const sent = queue.current()
    queue.changed(2) // changed again while the save was on its way
    queue.acknowledged(sent)
    expect(queue.positions()).toEqual([2])
    queue.acknowledged(queue.current())
    expect(queue.size).toBe(0)
  })

  it('keeps everything when an older save is acknowledged after a newer change', () => {
    const queue = new AnswerQueue()
    const before = queue.current()
    queue.changed(1)
    queue.acknowledged(before)
    expect(queue.positions()).toEqual([1])
  })
})

describe('retryDelayMs', () => {
  it('doubles from one second up to thirty, with at most a fifth more of jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((failures) => retryDelayMs(failures, 0))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ])
    expect(retryDelayMs(1, 1)).toBe(1_200)
  })
})

describe('stored answers', () => {
  it('survive a round trip through the tab storage and are forgotten when none waits', () => {
    const storage = new MemoryStorage()
    const answers = {
      positions: [0, 3],
      fields: [
        ['q0', 'b'],
        ['q3.1', '2'],
      ] as [string, string][],
    }
    storeAnswers(storage, 'attempt-1', answers)
    expect(readStoredAnswers(storage, 'attempt-1')).toEqual(answers)
    expect(readStoredAnswers(storage, 'attempt-2')).toBeNull()
    storeAnswers(storage, 'attempt-1', { positions: [], fields: [] })
    expect(storage.length).toBe(0)
  })

  it('ignores a damaged entry', () => {
    const storage = new MemoryStorage()
    storage.setItem('lms:unsaved-answers:a', '{"positions":"all"}')
    storage.setItem('lms:unsaved-answers:b', 'not json')
    expect(readStoredAnswers(storage, 'a')).toBeNull()
    expect(readStoredAnswers(storage, 'b')).toBeNull()
  })

  it.each([
    ['a negative position', { positions: [-1], fields: [] }],
    ['a fractional position', { positions: [1.5], fields: [] }],
    ['a field that is not a pair', { positions: [0], fields: [['q0']] }],
    ['a field value that is not text', { positions: [0], fields: [['q0', 3]] }],
    ['a field name past 20 characters', { positions: [0], fields: [['q'.repeat(21), 'a']] }],
    ['a value past 10,000 characters', { positions: [0], fields: [['q0', 'a'.repeat(10_001)]] }],
    ['more than 1,000 positions', { positions: Array.from({ length: 1001 }, (_, i) => i), fields: [] }],
    ['null', null],
  ])('ignores an entry with %s', (_, entry) => {
    const storage = new MemoryStorage()
    storage.setItem('lms:unsaved-answers:c', JSON.stringify(entry))
    expect(readStoredAnswers(storage, 'c')).toBeNull()
  })

  it('takes the largest entry the page can write', () => {
    const storage = new MemoryStorage()
    const answers = { positions: [0, 999], fields: [['q'.repeat(20), 'a'.repeat(10_000)]] as [string, string][] }
    storage.setItem('lms:unsaved-answers:d', JSON.stringify(answers))
    expect(readStoredAnswers(storage, 'd')).toEqual(answers)
  })
})

describe('answer fields', () => {
  const form = new FormData()
  const entries: [string, string][] = [
    ['seq', '5'],
    ['q0', 'a'],
    ['q1', 'x'],
    ['q1', 'y'],
    ['q2.0', '1'],
    ['intent', 'save'],
  ]
  for (const [name, value] of entries) form.append(name, value)

  it('are the q… fields of the form, of the given questions only when asked', () => {
    expect(answerFields(form)).toEqual([
      ['q0', 'a'],
      ['q1', 'x'],
      ['q1', 'y'],
      ['q2.0', '1'],
    ])
    expect(answerFields(form, [1])).toEqual([
      ['q1', 'x'],
      ['q1', 'y'],
    ])
  })

  it('name their question by position', () => {
    expect([fieldPosition('q12'), fieldPosition('q2.3'), fieldPosition('seq'), fieldPosition('q')]).toEqual([
      12,
      2,
      null,
      null,
    ])
  })
})
