import { describe, expect, it } from 'vitest'
import { namesOnCertificate } from './certificate-texts'

describe('namesOnCertificate', () => {
  it('prints the Latin name in the English half and the registered name in the Russian half', () => {
    expect(namesOnCertificate({ learnerName: 'Гаяне Саргсян', learnerNameLatin: 'Gayane Sargsyan' })).toEqual({
      en: 'Gayane Sargsyan',
      ru: 'Гаяне Саргсян',
    })
  })

  it('prints the registered name in both halves when there is no Latin name', () => {
    expect(namesOnCertificate({ learnerName: 'Иван Петров', learnerNameLatin: null })).toEqual({
      en: 'Иван Петров',
      ru: 'Иван Петров',
    })
    expect(namesOnCertificate({ learnerName: 'Ivan Petrov', learnerNameLatin: '' }).en).toBe('Ivan Petrov')
  })
})
