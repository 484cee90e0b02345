import { describe, expect, it } from 'vitest'
import { readAttemptForm, seqAt } from './answer-form'

const form = (fields: [string, string][]) => {
  const data = new FormData()
  for (const [name, value] of fields) data.append(name, value)
  return data
}

describe('readAttemptForm', () => {
  it('reads choices, typed values and pairs by position, and keeps shown positions left blank', () => {
    const parsed = readAttemptForm(
      form([
        ['intent', 'save'],
        ['seq', '1500'],
        ['shown', '0,1,2,3'],
        ['q0', '2'],
        ['q0', '0'],
        ['q1', '24,5'],
        ['q2.0', '1'],
        ['q2.1', '0'],
      ]),
    )
    expect(parsed).toEqual({
      ok: true,
      intent: 'save',
      seq: 1500,
      confirmed: false,
      answers: [
        { position: 0, answer: { choices: ['2', '0'], value: '0' } },
        { position: 1, answer: { choices: ['24,5'], value: '24,5' } },
        { position: 2, answer: { pairs: { '0': '1', '1': '0' } } },
        { position: 3, answer: {} },
      ],
    })
  })

  it('ignores fields the server decides itself, such as a score or a user id', () => {
    const parsed = readAttemptForm(
      form([
        ['intent', 'submit'],
        ['seq', '1'],
        ['score', '100'],
        ['passed', 'true'],
        ['userId', 'someone'],
      ]),
    )
    expect(parsed).toEqual({ ok: true, intent: 'submit', seq: 1, confirmed: false, answers: [] })
  })

  it('reads the confirmation of a submit with unanswered questions, and nothing else as one', () => {
    const confirmed = (value: string) =>
      readAttemptForm(
        form([
          ['intent', 'submit'],
          ['seq', '1'],
          ['confirmed', value],
        ]),
      )
    expect(confirmed('1')).toMatchObject({ ok: true, confirmed: true })
    expect(confirmed('yes')).toEqual({ ok: false })
  })

  it('refuses a form that is not an attempt form', () => {
    expect(readAttemptForm(form([['seq', '1']]))).toEqual({ ok: false })
    expect(
      readAttemptForm(
        form([
          ['intent', 'grade'],
          ['seq', '1'],
        ]),
      ),
    ).toEqual({ ok: false })
    expect(
      readAttemptForm(
        form([
          ['intent', 'save'],
          ['seq', '-4'],
        ]),
      ),
    ).toEqual({ ok: false })
    expect(
      readAttemptForm(
        form([
          ['intent', 'save'],
          ['seq', '1'],
          ['shown', '0;DROP'],
        ]),
      ),
    ).toEqual({ ok: false })
    const flood = Array.from({ length: 500 }, (_, index): [string, string] => [`q${index}`, '0'])
    expect(readAttemptForm(form([['intent', 'save'], ['seq', '1'], ...flood]))).toEqual({ ok: false })
  })
})

describe('seqAt', () => {
  it('grows with time since the attempt started and stays within a database integer', () => {
    const start = new Date('2026-11-23T10:00:00Z')
    expect(seqAt(start, start.getTime() + 1234)).toBe(1234)
    expect(seqAt(start, start.getTime() - 10)).toBe(0)
    expect(seqAt(start, start.getTime() + 90 * 86_400_000)).toBe(2 ** 31 - 1)
  })
})
